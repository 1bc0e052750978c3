//! The reader's state and its one entry point for change, [`App::update`].
//!
//! `App` holds the edition, the pane focus, the status message, what keys
//! mean now ([`Mode`]: reading, the library screen, a prompt, the help
//! overlay; [`App::update`] matches on it), and one sub-state per part of
//! the screen, each owning its fields and living in its module: the
//! headline list (`list`), the reading pane (`ReaderState`: the open
//! article, its top row, the article set at the pane's width), the bookmark
//! sidebar (`sidebar`), the search (`search`), the read marks (`marks`), the
//! help overlay, and the library of editions (`shelf`).
//!
//! It knows no terminal: keys arrive already mapped to an [`Action`] or a
//! prompt edit (see `keymap::Keymap::input`), the screen size arrives
//! through [`App::resize`], and anything that needs I/O (saving a bookmark,
//! copying to the clipboard, opening another edition) is returned as an
//! [`Effect`] for the event loop to carry out; changed read marks are
//! collected for it ([`App::take_read_changes`]). The renderer (`ui`) only
//! reads it, and whether a change needs a redraw is the renderer's
//! business (it compares frames), not the app's.
//!
//! The reading position is kept as an [`Anchor`] (paragraph and char
//! offset) of the top visible row, so a resize re-typesets and keeps the
//! same text at the top; the row index is derived from it per width.

pub mod action;
pub mod help;
pub mod input;
pub mod layout;
pub mod list;
mod marks;
pub mod mouse;
pub mod search;
pub mod shelf;
mod sidebar;
mod swap;

use std::sync::Arc;

use ratatui::layout::Rect;

pub use action::{Action, HelpEntry};
pub use layout::{Pane, Panes};
pub use list::ListRow;
pub use mouse::MouseInput;

use crate::edition::{Anchor, Article, ArticleId, Edition, Fingerprint};
use crate::search::SearchOptions;
use crate::store::anchor::{self as place, Resolution};
use crate::store::order::{self, Order};
use crate::store::{Bookmark, EditionState, Position};
use crate::typeset::{self, article::SetArticle, cache::SetCache};

/// The default maximum text width in the reading pane, in columns: a
/// comfortable measure. Wider panes centre the text.
pub const DEFAULT_MEASURE: usize = 80;

/// Something the event loop must do outside the app (I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save this new bookmark.
    AddBookmark(Bookmark),
    /// Remove the bookmark with this id.
    RemoveBookmark(String),
    /// Restore the bookmark removed last, then hand the app the new list
    /// ([`App::sync_bookmarks`]) and select it ([`App::select_bookmark`]).
    UndoRemove,
    /// Set (or with `None`, clear) the note of the bookmark with this id.
    SetNote {
        /// The bookmark's id.
        id: String,
        /// The new note; `None` clears it.
        note: Option<String>,
    },
    /// Re-read the store (another reader may have changed it) and hand the
    /// app this edition's bookmarks ([`App::sync_bookmarks`]).
    RefreshBookmarks,
    /// Save the reading position and leave (in a library: go back to the
    /// list of editions).
    Quit,
    /// Save the reading position and leave the program, even in a library.
    Exit,
    /// Put this text on the clipboard (OSC 52, written by the I/O layer).
    Copy(String),
    /// Open the next (`true`) or previous edition of the library.
    SwitchEdition(bool),
    /// Parse and open entry `i` of the library in the reader's place.
    OpenEdition(usize),
    /// Keep this sidebar order for the next start (`store::prefs`).
    KeepBookmarkOrder(Order),
}

/// What keys mean now, so that routing a key is one match (see
/// `keymap::Keymap::input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The reader: headline list, reading pane, sidebar.
    Reading,
    /// The library screen (the list of editions).
    Library,
    /// A text prompt is open (search, a bookmark's note): keys type.
    Prompt,
    /// The help overlay is open: keys scroll it or close it.
    Help,
}

/// Where the reading pane is in the open article, for the status bar, as
/// vim's ruler says it: the whole article on screen, its first row at the
/// top, its last row on screen, or else how much of what is off screen is
/// above (never the `72%` of the rows down to the bottom one, which an
/// article's first page already reached).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The whole article is on screen (`All`).
    All,
    /// The top of the article is on screen, not its end (`Top`).
    Top,
    /// The end of the article is on screen, not its top (`Bot`).
    Bottom,
    /// Neither: rows above the screen over all rows off it, 0–99 (`NN%`).
    Percent(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::All => f.write_str("All"),
            Place::Top => f.write_str("Top"),
            Place::Bottom => f.write_str("Bot"),
            Place::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// Settings the app is created with.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Typesetting options (ambiguous width, justification).
    pub typeset: typeset::Options,
    /// Maximum text width in the reading pane, in columns.
    pub measure: usize,
    /// Search folding options.
    pub search: SearchOptions,
    /// The colour theme.
    pub theme: crate::config::Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            typeset: typeset::Options::default(),
            measure: DEFAULT_MEASURE,
            search: SearchOptions::default(),
            theme: crate::config::Theme::default(),
        }
    }
}

/// The reader's whole state: the edition, what keys mean now ([`Mode`]),
/// the pane focus, and one sub-state per part of the screen, each owning
/// its fields.
#[derive(Debug)]
pub struct App {
    edition: Edition,
    fingerprint: Fingerprint,
    settings: Settings,
    screen: Rect,
    mode: Mode,
    focus: Pane,
    list: list::ListState,
    reader: ReaderState,
    sidebar: sidebar::SidebarState,
    search: search::SearchState,
    marks: marks::ReadMarks,
    help: HelpState,
    /// The library of editions, when several were given (see `shelf`).
    shelf: Option<shelf::Shelf>,
    message: Option<String>,
    edition_place: Option<(usize, usize)>,
    /// The status bar's note while the edition is provisional (see `swap`).
    loading: Option<String>,
}

/// The reading pane: the open article, its top row (as an anchor and as a
/// row index at the set width), and the article set at that width.
#[derive(Debug, Default)]
struct ReaderState {
    current: usize,
    top: Anchor,
    scroll: usize,
    set_width: usize,
    set: Option<Arc<SetArticle>>,
    cache: SetCache,
}

/// The help overlay's lines and its first line shown.
#[derive(Debug, Default)]
struct HelpState {
    entries: Vec<HelpEntry>,
    scroll: usize,
}

impl App {
    /// A reader for `edition` (identified by `fingerprint`), open at the top
    /// of its first article, with its saved `bookmarks` (in any order; the
    /// sidebar lists them by position in the edition). Call [`App::resize`]
    /// before the first frame.
    pub fn new(
        edition: Edition,
        fingerprint: Fingerprint,
        settings: Settings,
        bookmarks: Vec<Bookmark>,
    ) -> Self {
        let list = list::ListState::new(&edition, settings.typeset.ambiguous);
        let read = vec![false; list.titles.len()];
        App {
            edition,
            fingerprint,
            settings,
            screen: Rect::default(),
            mode: Mode::Reading,
            focus: Pane::Headlines,
            list,
            reader: ReaderState::default(),
            sidebar: sidebar::SidebarState {
                visible: true,
                bookmarks: Vec::new(),
                resolutions: Vec::new(),
                selected: 0,
                order: Order::Position,
                note: None,
            },
            search: search::SearchState::new(settings.search),
            marks: marks::ReadMarks::new(read),
            help: HelpState::default(),
            shelf: None,
            message: None,
            edition_place: None,
            loading: None,
        }
        .with_bookmarks(bookmarks)
    }

    fn with_bookmarks(mut self, bookmarks: Vec<Bookmark>) -> Self {
        self.set_bookmarks(bookmarks);
        self
    }

    /// Replaces the bookmark list, resolving each bookmark in the edition
    /// and ordering them in the sidebar's order (see [`order::sorted`]).
    fn set_bookmarks(&mut self, bookmarks: Vec<Bookmark>) {
        let (sorted, resolutions): (Vec<Bookmark>, Vec<Resolution>) =
            order::sorted(&bookmarks, &self.edition, self.sidebar.order)
                .into_iter()
                .map(|(b, r)| (b.clone(), r))
                .unzip();
        self.sidebar.bookmarks = sorted;
        self.sidebar.resolutions = resolutions;
        self.clamp_bookmark_selection();
    }

    /// Hands the app the library of editions it was opened from (`None`:
    /// one edition); see [`App::show_library`].
    pub fn set_shelf(&mut self, shelf: Option<shelf::Shelf>) {
        self.shelf = shelf;
    }

    /// Takes the library away, to hand it to the next edition's app.
    pub fn take_shelf(&mut self) -> Option<shelf::Shelf> {
        self.shelf.take()
    }

    /// The library of editions, if there is one.
    pub fn shelf(&self) -> Option<&shelf::Shelf> {
        self.shelf.as_ref()
    }

    /// The library, to change (unread counts, a message).
    pub fn shelf_mut(&mut self) -> Option<&mut shelf::Shelf> {
        self.shelf.as_mut()
    }

    /// Shows the library screen ([`Mode::Library`]), when there is a
    /// library.
    pub fn show_library(&mut self) {
        if let Some(shelf) = &mut self.shelf {
            shelf.width = usize::from(self.screen.width);
            shelf.height = usize::from(self.screen.height.saturating_sub(shelf::CHROME_HEIGHT));
            self.mode = Mode::Library;
        }
    }

    /// An action on the library screen: the shelf's, its effect turned into
    /// the app's.
    fn update_library(&mut self, action: Action) -> Option<Effect> {
        let effect = self.shelf.as_mut()?.update(action);
        Self::library_effect(effect)
    }

    fn library_effect(effect: Option<shelf::ShelfEffect>) -> Option<Effect> {
        match effect? {
            shelf::ShelfEffect::Open(index) => Some(Effect::OpenEdition(index)),
            shelf::ShelfEffect::Quit => Some(Effect::Exit),
        }
    }

    /// What keys mean now (see [`Mode`]).
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Sets the lines the help overlay shows (generated from the key map).
    pub fn set_help(&mut self, entries: Vec<HelpEntry>) {
        self.help.entries = entries;
    }

    /// Takes the read marks saved in `state` (articles matched by id).
    pub fn load_read_marks(&mut self, state: &EditionState) {
        for (index, article) in self.edition.articles().enumerate() {
            if let Some(slot) = self.marks.read.get_mut(index) {
                *slot = state.is_read(&article.id);
            }
        }
    }

    /// Read marks changed since the last call, for the event loop to save:
    /// `(article, read)`.
    pub fn take_read_changes(&mut self) -> Vec<(ArticleId, bool)> {
        self.marks.take_changes()
    }

    /// Whether article `index` is marked read.
    pub fn is_read(&self, index: usize) -> bool {
        self.marks.is_read(index)
    }

    /// Tells the app it shows edition `index` of `count` in a library
    /// (for the status bar).
    pub fn set_edition_place(&mut self, index: usize, count: usize) {
        self.edition_place = Some((index, count));
    }

    /// Edition `index` of `count` when reading from a library.
    pub fn edition_place(&self) -> Option<(usize, usize)> {
        self.edition_place
    }

    /// Opens the reading position saved in `state`, found again in this
    /// edition even if its text moved (see [`place::resolve_position`]);
    /// stays at the top of the first article when there is none or it
    /// cannot be found.
    pub fn resume(&mut self, state: &EditionState) {
        match place::resolve_position(state, &self.edition) {
            Some(Resolution::Found {
                article_index,
                anchor,
                ..
            }) => {
                self.open_article(article_index, anchor);
                self.focus = Pane::Reader;
            }
            Some(Resolution::NotFound {
                article_index: Some(index),
            }) => {
                self.open_article(index, Anchor::default());
                self.focus = Pane::Reader;
            }
            _ => {}
        }
        // Reopening the paper where it was left is not reading the article
        // again: one the reader marked unread stays unread (as after `m`)
        // until they open it themselves.
        if self
            .edition
            .article(self.reader.current)
            .is_some_and(|a| state.is_marked_unread(&a.id))
        {
            self.marks.keep_unread = Some(self.reader.current);
        }
    }

    /// Shows `message` in the status bar until the next action.
    pub fn notify(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// Tells the app the terminal's size in cells; re-typesets the open
    /// article if the reading pane's text width changed, keeping the same
    /// text at the top.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        if let Some(shelf) = &mut self.shelf {
            shelf.width = usize::from(width);
            shelf.height = usize::from(height.saturating_sub(shelf::CHROME_HEIGHT));
        }
        self.refresh();
    }

    /// Carries out `action` in the current [`Mode`]. Returns the I/O the
    /// event loop must do, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        self.message = None;
        match self.mode {
            Mode::Help => self.update_help(action),
            Mode::Library => self.update_library(action),
            // A prompt takes edits (`App::edit`, `App::prompt_input`).
            Mode::Prompt => None,
            Mode::Reading => {
                let effect = self.update_reading(action);
                self.refresh();
                effect
            }
        }
    }

    /// An action while the help overlay is open: it scrolls or closes the
    /// overlay, or quits.
    fn update_help(&mut self, action: Action) -> Option<Effect> {
        let view = self.help_view();
        let (last, page) = view.map_or((0, 1), |v| (v.max_scroll(), v.visible.max(2) - 1));
        let scroll = &mut self.help.scroll;
        match action {
            Action::Help | Action::Close => self.mode = Mode::Reading,
            Action::Quit => return Some(Effect::Quit),
            Action::Exit => return Some(Effect::Exit),
            Action::ScrollDown => *scroll = (*scroll + 1).min(last),
            Action::PageDown => *scroll = (*scroll + page).min(last),
            Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = last,
            _ => {}
        }
        None
    }

    /// An action in the reader: a move ([`App::navigate`]) or a command.
    fn update_reading(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => Some(Effect::Quit),
            Action::Exit => Some(Effect::Exit),
            Action::NextEdition => Some(Effect::SwitchEdition(true)),
            Action::PreviousEdition => Some(Effect::SwitchEdition(false)),
            Action::Help => {
                self.mode = Mode::Help;
                self.help.scroll = 0;
                None
            }
            Action::Close if self.search_active() => {
                self.clear_search();
                None
            }
            Action::Search => {
                self.open_prompt();
                None
            }
            Action::NextMatch => {
                self.step_match(true);
                None
            }
            Action::PreviousMatch => {
                self.step_match(false);
                None
            }
            Action::ToggleFilter => self.toggle_filter(),
            Action::ToggleRead => self.toggle_read(),
            Action::CopyParagraph => self.copy(false),
            Action::CopyArticle => self.copy(true),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::DeleteBookmark => self.delete_selected_bookmark(),
            Action::RenameBookmark => self.start_rename(),
            Action::UndoDelete => Some(Effect::UndoRemove),
            Action::ToggleBookmarkOrder => self.toggle_order(),
            // The terminal's own actions are carried out by the event loop.
            Action::Close | Action::Redraw | Action::Suspend => None,
            movement => self.navigate(movement),
        }
    }

    /// A move: of the focus, the selection, the reading position, or to
    /// another article or page.
    fn navigate(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextPane => return self.cycle_focus(true),
            Action::PreviousPane => return self.cycle_focus(false),
            Action::ScrollDown => self.move_by(1),
            Action::ScrollUp => self.move_by(-1),
            Action::PageDown => self.page_down(),
            Action::PageUp => self.move_by(-self.page_rows()),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => self.open_selected(),
            Action::NextArticle => self.step_article(true),
            Action::PreviousArticle => self.step_article(false),
            Action::GotoPage(n) => self.goto_page(n),
            _ => {}
        }
        None
    }

    // ----- reading accessors (for the renderer and the event loop) -----

    /// The edition being read.
    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    /// The edition's fingerprint.
    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The headline list entries, one per article: the first title line, or
    /// the first kicker, subtitle or paragraph text when there is no title.
    pub fn list_titles(&self) -> &[String] {
        &self.list.titles
    }

    /// Typesetting options in use.
    pub fn typeset_options(&self) -> typeset::Options {
        self.settings.typeset
    }

    /// The colour theme.
    pub fn theme(&self) -> crate::config::Theme {
        self.settings.theme
    }

    /// The pane with the keyboard focus.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// Whether the bookmark sidebar is shown.
    pub fn sidebar_visible(&self) -> bool {
        self.sidebar.visible
    }

    /// The first key bound to `action`, as the help lists it (for the
    /// status bar's `? help` hint); `None` before [`App::set_help`] or when
    /// the action is unbound.
    pub fn hint_key(&self, action: Action) -> Option<&str> {
        help::first_key(&self.help.entries, action.description())
    }

    /// The help overlay's lines while it is open.
    pub fn help(&self) -> Option<&[HelpEntry]> {
        (self.mode == Mode::Help).then_some(self.help.entries.as_slice())
    }

    /// The help overlay laid out for the screen, while it is open.
    pub fn help_view(&self) -> Option<help::HelpView> {
        (self.mode == Mode::Help).then(|| {
            help::HelpView::new(
                &self.help.entries,
                usize::from(self.screen.width),
                usize::from(self.screen.height),
                self.settings.typeset.ambiguous,
            )
        })
    }

    /// The first help line shown (the overlay scrolls with the movement keys
    /// when the terminal is too low for all of it).
    pub fn help_scroll(&self) -> usize {
        self.help.scroll
    }

    /// Index of the selected headline.
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// Index of the selected bookmark in [`App::bookmarks`].
    pub fn bookmark_selected(&self) -> usize {
        self.sidebar.selected
    }

    /// Index of the article open in the reader.
    pub fn current(&self) -> usize {
        self.reader.current
    }

    /// The article open in the reader, if the edition has any.
    pub fn current_article(&self) -> Option<&Article> {
        self.edition.article(self.reader.current)
    }

    /// This edition's bookmarks, ordered by where they land in the edition
    /// (those not found last).
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.sidebar.bookmarks
    }

    /// Whether bookmark `index` of [`App::bookmarks`] was found in this
    /// edition (a bookmark whose text is gone is kept and shown as not found).
    pub fn bookmark_found(&self, index: usize) -> bool {
        matches!(
            self.sidebar.resolutions.get(index),
            Some(Resolution::Found { .. })
        )
    }

    /// The status message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The index of the top visible row of [`App::set_article`].
    pub fn scroll(&self) -> usize {
        self.reader.scroll
    }

    /// The text position of the top visible row.
    pub fn top(&self) -> Anchor {
        self.reader.top
    }

    /// The reading position to save: the open article and the top row's anchor.
    pub fn position(&self) -> Option<Position> {
        self.current_article().map(|a| Position {
            article: a.id.clone(),
            anchor: self.reader.top,
        })
    }

    /// The pane geometry for the current screen size.
    pub fn panes(&self) -> Panes {
        self.panes_in(self.screen, self.focus)
    }

    /// The pane geometry in `area` with `focus`: the sidebar shown when it
    /// is on and has bookmarks (an empty one only while it has the focus),
    /// the list as wide as its widest title, as far as the reader can spare.
    pub fn panes_in(&self, area: Rect, focus: Pane) -> Panes {
        let sidebar = self.sidebar.visible
            && (!self.sidebar.bookmarks.is_empty() || focus == Pane::Bookmarks);
        layout::panes(area, focus, sidebar, self.list.wanted_width)
    }

    /// The reading pane's text width (capped at the measure) and height, in
    /// cells. When a narrow terminal shows another pane in its place, the
    /// size it has when it is shown, so that the position, the percentage
    /// read and `b` work from any pane. Zeros below the minimum size.
    pub fn reader_text_size(&self) -> (usize, usize) {
        let panes = self.panes();
        let reader = panes
            .reader
            .or_else(|| self.panes_in(self.screen, Pane::Reader).reader);
        reader.map_or((0, 0), |area| {
            let inner = layout::inner(area);
            let (inner_width, inner_height) = (usize::from(inner.width), usize::from(inner.height));
            (inner_width.min(self.settings.measure), inner_height)
        })
    }

    /// The open article set at the reading pane's text width (see
    /// [`App::reader_text_size`]); `None` before the first [`App::resize`].
    pub fn set_article(&self) -> Option<&SetArticle> {
        self.reader.set.as_deref()
    }

    /// How much of the open article has been on screen, 0–100: the rows up
    /// to the bottom of the page over all rows.
    pub fn percent_read(&self) -> usize {
        let (_, height) = self.reader_text_size();
        let total = self.set_article().map_or(0, |s| s.rows.len());
        if total == 0 || self.reader.scroll + height >= total {
            return 100;
        }
        (self.reader.scroll + height.max(1)) * 100 / total
    }

    /// Where the reading pane shows the open article, as vim and less say
    /// it (see [`Place`]).
    pub fn place(&self) -> Place {
        let (_, height) = self.reader_text_size();
        let total = self.set_article().map_or(0, |s| s.rows.len());
        let above = self.reader.scroll;
        let below = total.saturating_sub(above + height);
        match (above, below) {
            (0, 0) => Place::All,
            (0, _) => Place::Top,
            (_, 0) => Place::Bottom,
            (above, below) => Place::Percent(above * 100 / (above + below)),
        }
    }

    // ----- changes -----

    fn article_count(&self) -> usize {
        self.list.titles.len()
    }

    /// Re-sets the open article if the text width changed, settles the
    /// scroll row from the top anchor, and marks the article read when due
    /// (see [`App::check_read`]).
    fn refresh(&mut self) {
        self.settle();
        self.check_read();
    }

    /// An article counts as read once it is opened — the reading pane has
    /// the focus on it, or `]`/`[` opened it — and either its first screen has been scrolled past (the top row is at
    /// least a page down) or its last row is on screen — so a short article
    /// that fits on one screen is read as soon as it is shown in the focused
    /// reader. An article marked unread with `m` is left alone until another
    /// article is opened.
    fn check_read(&mut self) {
        if self.focus != Pane::Reader {
            return;
        }
        self.mark_read_if_seen();
    }

    /// The focus-free half of [`App::check_read`], for actions that open an
    /// article as surely as `Enter` does (`]`, `[`) while the focus stays on
    /// the headline list.
    fn mark_read_if_seen(&mut self) {
        if self.marks.keep_unread == Some(self.reader.current) {
            return;
        }
        let (_, height) = self.reader_text_size();
        let Some(rows) = self.reader.set.as_ref().map(|s| s.rows.len()) else {
            return;
        };
        if height == 0 || (self.reader.scroll < height && self.reader.scroll + height < rows) {
            return;
        }
        self.set_read(self.reader.current, true);
    }

    fn set_read(&mut self, index: usize, read: bool) {
        if let Some(article) = self.edition.article(index) {
            self.marks.set(index, &article.id, read);
        }
    }

    fn toggle_read(&mut self) -> Option<Effect> {
        let index = if self.focus == Pane::Headlines {
            self.list.selected
        } else {
            self.reader.current
        };
        let read = !self.is_read(index);
        self.set_read(index, read);
        self.marks.keep_unread = (!read).then_some(index);
        self.notify(if read { "marked read" } else { "marked unread" });
        None
    }

    fn toggle_filter(&mut self) -> Option<Effect> {
        if !self.search_active() {
            self.notify(self.no_matches_message());
            return None;
        }
        self.search.filter = !self.search.filter;
        self.settle_selection();
        None
    }

    fn copy(&mut self, whole: bool) -> Option<Effect> {
        let article = self.edition.article(self.reader.current)?;
        let text = if whole {
            crate::clipboard::article_as_text(article)
        } else {
            let top = self
                .reader
                .set
                .as_ref()
                .and_then(|s| s.rows.get(self.reader.scroll));
            let paragraph = top.map_or(self.reader.top.paragraph, |r| r.anchor.paragraph);
            crate::clipboard::paragraph_as_text(article, paragraph)?.to_owned()
        };
        let what = if whole { "article" } else { "paragraph" };
        self.notify(format!(
            "copied {what} ({} chars) to the clipboard",
            text.chars().count()
        ));
        Some(Effect::Copy(text))
    }

    /// Re-sets the open article if the text width changed and settles the
    /// scroll row from the top anchor.
    fn settle(&mut self) {
        let (width, height) = self.reader_text_size();
        if width == 0 {
            return;
        }
        let Some(article) = self.edition.article(self.reader.current) else {
            return;
        };
        if self.reader.set_width != width || self.reader.set.is_none() {
            let set = self
                .reader
                .cache
                .get_or_set(article, width, &self.settings.typeset);
            self.reader.set_width = width;
            self.reader.scroll = set.row_of(self.reader.top);
            self.reader.set = Some(set);
        }
        let rows = self.reader.set.as_ref().map_or(0, |s| s.rows.len());
        self.reader.scroll = self.reader.scroll.min(rows.saturating_sub(height));
    }

    fn open_article(&mut self, index: usize, anchor: Anchor) {
        if index != self.reader.current {
            self.marks.keep_unread = None;
        }
        self.reader.current = index;
        self.list.selected = index;
        self.reader.top = anchor;
        self.reader.scroll = 0;
        self.reader.set_width = 0;
        self.reader.set = None;
        self.refresh();
    }

    fn page_rows(&self) -> isize {
        let height = match self.focus {
            Pane::Reader => self.reader_text_size().1.saturating_sub(1),
            pane => self.panes().area(pane).map_or(1, |a| {
                let rows = usize::from(layout::inner(a).height);
                if pane == Pane::Bookmarks {
                    rows / 2
                } else {
                    rows
                }
            }),
        };
        isize::try_from(height.max(1)).unwrap_or(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Headlines => self.move_selection(delta),
            Pane::Bookmarks => {
                self.sidebar.selected =
                    step(self.sidebar.selected, delta, self.sidebar.bookmarks.len());
            }
            Pane::Reader => self.scroll_reader(delta),
        }
    }

    /// `Space`, `PageDown`: a page down; in the reading pane with the
    /// article's end on screen, on to the next article, as `less` goes on
    /// to the next file and newsboat to the next item.
    fn page_down(&mut self) {
        let (_, height) = self.reader_text_size();
        let rows = self.reader.set.as_ref().map_or(0, |s| s.rows.len());
        let at_end = self.reader.scroll + height >= rows;
        if self.focus == Pane::Reader && at_end && self.reader.current + 1 < self.article_count() {
            self.step_article(true);
            return;
        }
        self.move_by(self.page_rows());
    }

    fn scroll_reader(&mut self, delta: isize) {
        let (_, height) = self.reader_text_size();
        let Some(set) = self.set_article() else {
            return;
        };
        let max = set.rows.len().saturating_sub(height);
        let scroll = step(self.reader.scroll, delta, max + 1);
        let top = set.anchor_at(scroll);
        self.reader.scroll = scroll;
        if let Some(top) = top {
            self.reader.top = top;
        }
    }

    fn cycle_focus(&mut self, forward: bool) -> Option<Effect> {
        let mut order = vec![Pane::Headlines, Pane::Reader];
        if self.sidebar.visible {
            order.push(Pane::Bookmarks);
        }
        let at = order.iter().position(|&p| p == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
        self.refresh_if_sidebar()
    }

    fn toggle_sidebar(&mut self) -> Option<Effect> {
        self.sidebar.visible = !self.sidebar.visible;
        if self.sidebar.visible {
            self.focus = Pane::Bookmarks;
        } else if self.focus == Pane::Bookmarks {
            self.focus = Pane::Reader;
        }
        // Said, as a narrow screen may show no change (one pane at a time).
        self.notify(if self.sidebar.visible {
            "bookmarks shown"
        } else {
            "bookmarks hidden"
        });
        self.refresh_if_sidebar()
    }

    fn open_selected(&mut self) {
        match self.focus {
            Pane::Headlines if self.list.selected < self.article_count() => {
                self.open_article(self.list.selected, Anchor::default());
                self.focus = Pane::Reader;
            }
            Pane::Bookmarks => self.jump_to_bookmark(),
            _ => {}
        }
    }

    fn jump_to_bookmark(&mut self) {
        match self.sidebar.resolutions.get(self.sidebar.selected) {
            Some(&Resolution::Found {
                article_index,
                anchor,
                ..
            }) => {
                self.open_article(article_index, anchor);
                self.focus = Pane::Reader;
            }
            Some(&Resolution::NotFound {
                article_index: Some(index),
            }) => {
                self.open_article(index, Anchor::default());
                self.focus = Pane::Reader;
                self.notify("bookmarked text not found; opened its article");
            }
            Some(Resolution::NotFound {
                article_index: None,
            }) if self.loading.is_some() => {
                self.notify("bookmarked article not loaded yet; try again in a moment");
            }
            Some(Resolution::NotFound {
                article_index: None,
            }) => self.notify("bookmarked text not found in this edition"),
            None => {}
        }
    }

    fn step_article(&mut self, forward: bool) {
        let count = self.article_count();
        let next = if forward {
            (self.reader.current + 1).min(count.saturating_sub(1))
        } else {
            self.reader.current.saturating_sub(1)
        };
        if next != self.reader.current {
            self.open_article(next, Anchor::default());
            self.mark_read_if_seen();
        }
    }

    fn toggle_bookmark(&mut self) -> Option<Effect> {
        self.refresh();
        let article = self.edition.article(self.reader.current)?;
        let set = self.reader.set.as_deref()?;
        // "On a bookmark" means the bookmark is drawn on the top visible
        // row at this width (a blank top row counts as the paragraph row
        // below it, where a bookmark made there is drawn). Every row above
        // the first paragraph anchors to the article's top, so comparing
        // anchors would let `b` a few rows into a long headline remove the
        // bookmark drawn on row 0, out of sight.
        let top_row = (self.reader.scroll..set.rows.len())
            .find(|&r| set.rows[r].kind != typeset::article::RowKind::Blank)
            .unwrap_or(self.reader.scroll);
        let found = |wanted: &dyn Fn(Anchor) -> bool| {
            self.sidebar
                .bookmarks
                .iter()
                .zip(&self.sidebar.resolutions)
                .position(|(_, r)| {
                    matches!(*r, Resolution::Found { article_index, anchor, .. }
                    if article_index == self.reader.current && wanted(anchor))
                })
        };
        let existing = found(&|anchor| set.row_of(anchor) == top_row);
        if existing.is_none() && found(&|anchor| anchor == self.reader.top).is_some() {
            // The same place, drawn higher up: a second bookmark would be
            // the same bookmark.
            let key = self
                .hint_key(Action::ToggleBookmark)
                .unwrap_or("bookmarking");
            self.notify(format!(
                "already bookmarked on a row above; {key} on that row removes it"
            ));
            return None;
        }
        if let Some(index) = existing {
            let removed = self.sidebar.bookmarks.remove(index);
            self.sidebar.resolutions.remove(index);
            self.clamp_bookmark_selection();
            self.notify("bookmark removed");
            return Some(Effect::RemoveBookmark(removed.id));
        }
        let bookmark = Bookmark::at(article, self.reader.top);
        let mut bookmarks = std::mem::take(&mut self.sidebar.bookmarks);
        bookmarks.push(bookmark.clone());
        self.set_bookmarks(bookmarks);
        if let Some(index) = self
            .sidebar
            .bookmarks
            .iter()
            .position(|b| b.id == bookmark.id)
        {
            self.sidebar.selected = index;
        }
        self.notify("bookmark added");
        Some(Effect::AddBookmark(bookmark))
    }

    fn delete_selected_bookmark(&mut self) -> Option<Effect> {
        if self.focus != Pane::Bookmarks || self.sidebar.selected >= self.sidebar.bookmarks.len() {
            return None;
        }
        let removed = self.sidebar.bookmarks.remove(self.sidebar.selected);
        self.sidebar.resolutions.remove(self.sidebar.selected);
        self.clamp_bookmark_selection();
        self.notify("bookmark deleted");
        Some(Effect::RemoveBookmark(removed.id))
    }

    fn clamp_bookmark_selection(&mut self) {
        self.sidebar.clamp_selection();
    }
}

/// `index` moved by `delta`, kept within `0..count` (0 when `count` is 0).
fn step(index: usize, delta: isize, count: usize) -> usize {
    let last = count.saturating_sub(1);
    index.saturating_add_signed(delta).min(last)
}

/// The headline list entry for `article` (see [`App::list_titles`]): the
/// whole headline as one line ([`crate::edition::Headline::display`]), else
/// its first paragraph; the list truncates it by display width with an
/// ellipsis.
pub fn list_title(article: &Article) -> String {
    let joined = article.headline.display();
    if joined.is_empty() {
        article
            .paragraphs
            .first()
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    } else {
        joined
    }
}
