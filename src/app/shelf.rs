//! The library screen's state: the editions of a [`Library`] (one per
//! file, sorted by date), which one is selected, and which one is open.
//!
//! It knows no terminal and does no I/O: [`Shelf::update`] turns an
//! [`Action`] into a [`ShelfEffect`] (open edition *i*, quit) for the event
//! loop, which parses the edition only then. Unread counts come from the
//! store's saved state ([`Shelf::count_unread`]).

use super::help::HelpView;
use super::{Action, HelpEntry, MouseInput};
use crate::library::Library;
use crate::store::{self, EditionState, Store};
use crate::typeset::AmbiguousWidth;

/// The rows of the library screen that are not the list: its border's top
/// and bottom rows and the status bar (see `ui::library`).
pub const CHROME_HEIGHT: u16 = 3;

/// What the event loop must do after an action on the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShelfEffect {
    /// Parse and open entry `i` of the library.
    Open(usize),
    /// Leave the program.
    Quit,
}

/// The library screen's state.
#[derive(Debug, Clone)]
pub struct Shelf {
    library: Library,
    selected: usize,
    open: Option<usize>,
    /// A message for the status bar (a file that could not be opened),
    /// until the next action.
    pub message: Option<String>,
    /// The list height in rows, for page moves (set by the event loop from
    /// the terminal size).
    pub height: usize,
    /// The screen width in cells, to lay the help overlay out (set by the
    /// event loop from the terminal size).
    pub width: usize,
    /// How wide the terminal draws East Asian Ambiguous characters, to lay
    /// the help overlay out.
    pub ambiguous: AmbiguousWidth,
    help_entries: Vec<HelpEntry>,
    /// The help overlay's first line shown, while it is open.
    help: Option<usize>,
    /// The status bar's hint (`Keymap::library_hint`: the keys as bound).
    hint: String,
}

impl Shelf {
    /// The library screen for `library`, with its first edition selected.
    pub fn new(library: Library) -> Self {
        Shelf {
            library,
            selected: 0,
            open: None,
            message: None,
            height: 1,
            width: 80,
            ambiguous: AmbiguousWidth::Narrow,
            help_entries: Vec::new(),
            help: None,
            hint: String::new(),
        }
    }

    /// Sets the lines the help overlay shows (generated from the key map,
    /// see `Keymap::library_help`).
    pub fn set_help(&mut self, entries: Vec<HelpEntry>) {
        self.help_entries = entries;
    }

    /// Sets the status bar's hint (see `Keymap::library_hint`).
    pub fn set_hint(&mut self, hint: String) {
        self.hint = hint;
    }

    /// The status bar's hint, naming the keys as bound.
    pub fn hint(&self) -> &str {
        &self.hint
    }

    /// The help overlay laid out for the screen, with its first line shown,
    /// while it is open.
    pub fn help_view(&self) -> Option<(HelpView, usize)> {
        let scroll = self.help?;
        let view = HelpView::new(
            &self.help_entries,
            self.width,
            self.height + usize::from(CHROME_HEIGHT),
            self.ambiguous,
        );
        let scroll = scroll.min(view.max_scroll());
        Some((view, scroll))
    }

    /// The editions, in library order.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The selected entry.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The entry open in the reader, if any.
    pub fn open(&self) -> Option<usize> {
        self.open
    }

    /// Records that entry `index` is open (and selects it).
    pub fn set_open(&mut self, index: usize) {
        self.open = Some(index);
        self.selected = index;
    }

    /// The entry after (`forward`) or before the open one, for `}` and `{`.
    pub fn neighbour(&self, forward: bool) -> Option<usize> {
        let at = self.open.unwrap_or(self.selected);
        if forward {
            self.library.next(at)
        } else {
            self.library.previous(at)
        }
    }

    /// Carries out `action` on the library screen.
    pub fn update(&mut self, action: Action) -> Option<ShelfEffect> {
        self.message = None;
        if self.help.is_some() {
            return self.update_help(action);
        }
        let count = self.library.len();
        let page = isize::try_from(self.height.max(1)).unwrap_or(1);
        let delta = match action {
            Action::Quit | Action::Exit => return Some(ShelfEffect::Quit),
            Action::Help => {
                self.help = Some(0);
                return None;
            }
            Action::Open if self.selected < count => {
                return Some(ShelfEffect::Open(self.selected));
            }
            Action::ScrollDown | Action::NextEdition => 1,
            Action::ScrollUp | Action::PreviousEdition => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => 0,
        };
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
        None
    }

    /// An action while the help overlay is open: the movement keys scroll
    /// it, `?` and Esc close it, quitting still quits.
    fn update_help(&mut self, action: Action) -> Option<ShelfEffect> {
        let (last, page) = self
            .help_view()
            .map_or((0, 1), |(v, _)| (v.max_scroll(), v.visible.max(2) - 1));
        let scroll = self.help.unwrap_or(0).min(last);
        self.help = match action {
            Action::Quit | Action::Exit => return Some(ShelfEffect::Quit),
            Action::Help | Action::Close => None,
            Action::ScrollDown => Some((scroll + 1).min(last)),
            Action::PageDown => Some((scroll + page).min(last)),
            Action::ScrollUp => Some(scroll.saturating_sub(1)),
            Action::PageUp => Some(scroll.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => Some(scroll),
        };
        None
    }

    /// A mouse event: the wheel moves the selection as `j`/`k` do, a click
    /// opens the edition under it.
    pub fn mouse(&mut self, input: MouseInput) -> Option<ShelfEffect> {
        match input {
            MouseInput::WheelDown(..) => self.update(Action::ScrollDown),
            MouseInput::WheelUp(..) => self.update(Action::ScrollUp),
            MouseInput::Click(_, row) => self.click(usize::from(row)),
        }
    }

    /// A click on screen row `row` (0 = the top border): selects the entry
    /// drawn there and opens it, as a click on a headline does.
    pub fn click(&mut self, row: usize) -> Option<ShelfEffect> {
        let height = self.height.max(1);
        let inner = row.checked_sub(1).filter(|&r| r < height)?;
        let offset = super::layout::scroll_offset(self.selected, height);
        let index = offset + inner;
        (index < self.library.len()).then(|| {
            self.selected = index;
            ShelfEffect::Open(index)
        })
    }

    /// Fills each entry's unread and article counts from the state saved
    /// in `store` for its path: the articles recorded there, and those less
    /// the ones marked read. Editions never opened keep `None`.
    pub fn count_unread(&mut self, store: &Store) {
        for entry in &mut self.library.entries {
            let path = store::absolute(&entry.path.to_string_lossy());
            let state = store
                .editions()
                .map(|(_, s)| s)
                .find(|s| s.path.as_deref() == Some(path.as_str()));
            entry.unread = state.and_then(EditionState::unread_count);
            entry.articles = state.and_then(EditionState::article_count);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::LibraryEntry;

    fn shelf(n: usize) -> Shelf {
        let entries = (0..n)
            .map(|i| LibraryEntry {
                path: format!("e{i}.txt").into(),
                title: format!("E{i}"),
                date: None,
                date_source: None,
                unread: None,
                articles: None,
                detail: None,
            })
            .collect();
        Shelf::new(Library {
            entries,
            ..Library::default()
        })
    }

    #[test]
    fn moving_stops_at_the_ends_and_enter_opens_the_selection() {
        let mut s = shelf(3);
        assert_eq!(s.update(Action::ScrollUp), None);
        assert_eq!(s.selected(), 0);
        s.update(Action::Bottom);
        assert_eq!(s.selected(), 2);
        s.update(Action::ScrollDown);
        assert_eq!(s.selected(), 2);
        assert_eq!(s.update(Action::Open), Some(ShelfEffect::Open(2)));
        assert_eq!(s.update(Action::Quit), Some(ShelfEffect::Quit));
        assert_eq!(s.update(Action::Exit), Some(ShelfEffect::Quit));
    }

    #[test]
    fn help_opens_scrolls_and_closes_without_moving_the_selection() {
        let mut s = shelf(3);
        s.set_help(crate::keymap::Keymap::default().library_help());
        s.height = 2; // a 5-row screen: the box shows 3 lines
        assert_eq!(s.update(Action::Help), None);
        let (view, scroll) = s.help_view().expect("open");
        assert_eq!(scroll, 0);
        assert!(view.max_scroll() > 0);
        s.update(Action::ScrollDown);
        assert_eq!(s.help_view().map(|(_, at)| at), Some(1));
        assert_eq!(s.selected(), 0, "j scrolled the help, not the list");
        s.update(Action::Close);
        assert!(s.help_view().is_none());
        s.update(Action::Help);
        assert_eq!(s.update(Action::Exit), Some(ShelfEffect::Quit));
    }

    #[test]
    fn neighbours_of_the_open_edition() {
        let mut s = shelf(3);
        s.set_open(1);
        assert_eq!(s.neighbour(true), Some(2));
        assert_eq!(s.neighbour(false), Some(0));
        s.set_open(2);
        assert_eq!(s.neighbour(true), None);
    }

    #[test]
    fn a_click_opens_the_entry_on_that_row() {
        let mut s = shelf(3);
        s.height = 10;
        assert_eq!(s.click(0), None, "the border");
        assert_eq!(s.click(2), Some(ShelfEffect::Open(1)));
        assert_eq!(s.selected(), 1);
        assert_eq!(s.click(4), None, "below the last entry");
    }

    #[test]
    fn empty_library_opens_nothing() {
        let mut s = shelf(0);
        assert_eq!(s.update(Action::Open), None);
        assert_eq!(s.update(Action::ScrollDown), None);
    }
}
