//! What the reader can be asked to do: the [`Action`] enum, one variant per
//! user command, each with a stable snake_case name (usable as a config key,
//! e.g. `scroll_down`) and a one-line description for the help overlay.

/// A user command, independent of the key that triggers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the reader (saving the reading position); in a library, go
    /// back to the list of editions, and quit from there.
    Quit,
    /// Leave the program from anywhere, library or not (saving the reading
    /// position, as [`Action::Quit`] does). In a text prompt its key
    /// (`Ctrl-C`) cancels the prompt first (see `keymap::edit_of`).
    Exit,
    /// Move the focus to the next pane.
    NextPane,
    /// Move the focus to the previous pane.
    PreviousPane,
    /// Next item in a list; one row down in the reader.
    ScrollDown,
    /// Previous item in a list; one row up in the reader.
    ScrollUp,
    /// Open the selected headline or bookmark in the reader.
    Open,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// To the top of the list or article.
    Top,
    /// To the bottom of the list or article.
    Bottom,
    /// Open the next article.
    NextArticle,
    /// Open the previous article.
    PreviousArticle,
    /// Bookmark the top visible row; remove the bookmark already there.
    ToggleBookmark,
    /// Show or hide the bookmark sidebar.
    ToggleSidebar,
    /// Delete the selected bookmark (in the sidebar).
    DeleteBookmark,
    /// Give the selected bookmark a note (in the sidebar).
    RenameBookmark,
    /// Bring back the bookmark deleted last.
    UndoDelete,
    /// Order the sidebar by position in the edition or by time.
    ToggleBookmarkOrder,
    /// Show or hide the help overlay.
    Help,
    /// Close the help overlay; cancel a search.
    Close,
    /// Open the search prompt.
    Search,
    /// Go to the next search match (across articles).
    NextMatch,
    /// Go to the previous search match (across articles).
    PreviousMatch,
    /// Limit the headline list to articles with matches (again: all).
    ToggleFilter,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Select the first article of page `n` (1–9) of the edition.
    GotoPage(u8),
    /// Copy the paragraph at the top of the reading pane to the clipboard.
    CopyParagraph,
    /// Copy the whole article (headline, byline) to the clipboard.
    CopyArticle,
    /// Open the next edition of the library.
    NextEdition,
    /// Open the previous edition of the library.
    PreviousEdition,
    /// Clear the terminal and draw the whole screen again (after another
    /// program wrote over it), as `Ctrl-L` does in `less`.
    Redraw,
    /// Give the terminal back and stop, as `Ctrl-Z` does in a shell; `fg`
    /// brings the reader back, redrawn.
    Suspend,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 41] = [
        Action::Quit,
        Action::Exit,
        Action::NextPane,
        Action::PreviousPane,
        Action::ScrollDown,
        Action::ScrollUp,
        Action::Open,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::NextArticle,
        Action::PreviousArticle,
        Action::ToggleBookmark,
        Action::ToggleSidebar,
        Action::DeleteBookmark,
        Action::RenameBookmark,
        Action::UndoDelete,
        Action::ToggleBookmarkOrder,
        Action::Help,
        Action::Close,
        Action::Search,
        Action::NextMatch,
        Action::PreviousMatch,
        Action::ToggleFilter,
        Action::ToggleRead,
        Action::GotoPage(1),
        Action::GotoPage(2),
        Action::GotoPage(3),
        Action::GotoPage(4),
        Action::GotoPage(5),
        Action::GotoPage(6),
        Action::GotoPage(7),
        Action::GotoPage(8),
        Action::GotoPage(9),
        Action::CopyParagraph,
        Action::CopyArticle,
        Action::NextEdition,
        Action::PreviousEdition,
        Action::Redraw,
        Action::Suspend,
    ];

    /// The stable snake_case name of the action (`scroll_down`), for config
    /// files and messages. Never changes between releases.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Exit => "exit",
            Action::NextPane => "next_pane",
            Action::PreviousPane => "previous_pane",
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::Open => "open",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next_article",
            Action::PreviousArticle => "previous_article",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::ToggleSidebar => "toggle_sidebar",
            Action::DeleteBookmark => "delete_bookmark",
            Action::RenameBookmark => "rename_bookmark",
            Action::UndoDelete => "undo_delete",
            Action::ToggleBookmarkOrder => "toggle_bookmark_order",
            Action::Help => "help",
            Action::Close => "close",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::ToggleFilter => "toggle_filter",
            Action::ToggleRead => "toggle_read",
            Action::GotoPage(n) => PAGE_NAMES
                .get(usize::from(n).wrapping_sub(1))
                .copied()
                .unwrap_or("page"),
            Action::CopyParagraph => "copy_paragraph",
            Action::CopyArticle => "copy_article",
            Action::NextEdition => "next_edition",
            Action::PreviousEdition => "previous_edition",
            Action::Redraw => "redraw",
            Action::Suspend => "suspend",
        }
    }

    /// The action named `name` (see [`Action::name`]), if any.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// A short description for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit (library: back to the list)",
            Action::Exit => "quit newsreader (in a prompt: cancel it)",
            Action::NextPane => "next pane",
            Action::PreviousPane => "previous pane",
            Action::ScrollDown => "next item / scroll down a row",
            Action::ScrollUp => "previous item / scroll up a row",
            Action::Open => "open headline or bookmark",
            Action::PageDown => "page down (at the end: next article)",
            Action::PageUp => "page up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next article",
            Action::PreviousArticle => "previous article",
            Action::ToggleBookmark => "bookmark top row (again: remove)",
            Action::ToggleSidebar => "show / hide bookmarks",
            Action::DeleteBookmark => "delete bookmark (sidebar)",
            Action::RenameBookmark => "note on bookmark (sidebar)",
            Action::UndoDelete => "undo bookmark delete",
            Action::ToggleBookmarkOrder => "bookmarks by place / time",
            Action::Help => "this help",
            Action::Close => "close help / cancel search",
            Action::Search => "search the edition",
            Action::NextMatch => "next match",
            Action::PreviousMatch => "previous match",
            Action::ToggleFilter => "list only articles with matches",
            Action::ToggleRead => "mark read / unread",
            Action::GotoPage(_) => "jump to page 1–9",
            Action::CopyParagraph => "copy paragraph (top row)",
            Action::CopyArticle => "copy whole article",
            Action::NextEdition => "next edition (library)",
            Action::PreviousEdition => "previous edition (library)",
            Action::Redraw => "redraw the screen",
            Action::Suspend => "suspend (fg brings it back)",
        }
    }

    /// What the action does on the library screen, for its help overlay;
    /// `None` for an action the library screen ignores.
    pub fn library_description(self) -> Option<&'static str> {
        Some(match self {
            Action::Quit | Action::Exit => "quit",
            Action::ScrollDown | Action::NextEdition => "next edition in the list",
            Action::ScrollUp | Action::PreviousEdition => "previous edition in the list",
            Action::Open => "open the selected edition",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first edition",
            Action::Bottom => "last edition",
            Action::Help => "this help",
            Action::Close => "close help",
            Action::Redraw => "redraw the screen",
            Action::Suspend => "suspend (fg brings it back)",
            _ => return None,
        })
    }
}

impl Action {
    /// True for the actions a key still runs while a text prompt is open
    /// (the terminal's own: redraw, suspend); every other key there edits
    /// the text or does nothing.
    pub fn works_in_prompt(self) -> bool {
        matches!(self, Action::Redraw | Action::Suspend)
    }
}

/// The config names of [`Action::GotoPage`] 1–9.
const PAGE_NAMES: [&str; 9] = [
    "page_1", "page_2", "page_3", "page_4", "page_5", "page_6", "page_7", "page_8", "page_9",
];

/// One line of the help overlay: the keys bound to an action and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    /// The keys, as shown to the user (`j, ↓`).
    pub keys: String,
    /// What the action does ([`Action::description`]).
    pub description: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_name_round_trips_and_is_unique() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
