//! Managing bookmarks from the sidebar: giving one a note through the
//! one-line prompt, the order toggle, and taking in the store's list after
//! a save, an undo or another reader's changes.

use super::input::{Edit, LineInput, Outcome};
use super::{App, Effect, Pane};
use crate::store::Bookmark;
use crate::store::anchor::Resolution;
use crate::store::order::Order;

/// The bookmark sidebar: shown or not, this edition's bookmarks (with where
/// each was found), the selection, the order, and the note prompt.
#[derive(Debug)]
pub(super) struct SidebarState {
    pub(super) visible: bool,
    pub(super) bookmarks: Vec<Bookmark>,
    pub(super) resolutions: Vec<Resolution>,
    pub(super) selected: usize,
    pub(super) order: Order,
    pub(super) note: Option<NoteInput>,
}

impl SidebarState {
    /// Keeps the selection on a listed bookmark.
    pub(super) fn clamp_selection(&mut self) {
        self.selected = self.selected.min(self.bookmarks.len().saturating_sub(1));
    }

    /// Selects the bookmark with `id`, if it is listed.
    pub(super) fn select(&mut self, id: &str) {
        if let Some(index) = self.bookmarks.iter().position(|b| b.id == id) {
            self.selected = index;
        }
    }

    /// The selected bookmark's id.
    pub(super) fn selected_id(&self) -> Option<String> {
        self.bookmarks.get(self.selected).map(|b| b.id.clone())
    }
}

/// The note prompt while it is open: which bookmark it names, and the line.
#[derive(Debug, Clone)]
pub(super) struct NoteInput {
    pub(super) id: String,
    pub(super) input: LineInput,
}

impl App {
    /// The note being typed while the rename prompt is open, else `None`.
    /// While it is open, keys go to [`App::edit`], not [`App::update`].
    pub fn note_input(&self) -> Option<&LineInput> {
        self.sidebar.note.as_ref().map(|n| &n.input)
    }

    /// True while a one-line prompt takes the keys.
    pub fn editing(&self) -> bool {
        self.sidebar.note.is_some()
    }

    /// Applies an edit to the open prompt: the note prompt or the search
    /// prompt (see `App::prompt_input`). In the note prompt, Enter
    /// returns [`Effect::SetNote`] (blank text clears the note), Esc closes
    /// the prompt without a change. Does nothing when no prompt is open.
    pub fn edit(&mut self, edit: Edit) -> Option<Effect> {
        self.message = None;
        let Some(note) = self.sidebar.note.as_mut() else {
            self.prompt_input(edit);
            return None;
        };
        let outcome = note.input.apply(edit);
        if !matches!(outcome, Outcome::Editing) {
            self.mode = super::Mode::Reading;
        }
        match outcome {
            Outcome::Editing => None,
            Outcome::Cancelled => {
                self.sidebar.note = None;
                None
            }
            Outcome::Submitted(text) => {
                let id = note.id.clone();
                self.sidebar.note = None;
                let text = text.trim();
                let note = (!text.is_empty()).then(|| text.to_owned());
                self.notify(if note.is_some() {
                    "note saved"
                } else {
                    "note cleared"
                });
                let mut bookmarks = self.sidebar.bookmarks.clone();
                if let Some(b) = bookmarks.iter_mut().find(|b| b.id == id) {
                    b.note.clone_from(&note);
                }
                self.sync_bookmarks(bookmarks);
                Some(Effect::SetNote { id, note })
            }
        }
    }

    /// Lists the bookmarks in `order` from now on (the order kept from the
    /// last session, see `store::prefs`).
    pub fn set_bookmark_order(&mut self, order: Order) {
        self.sidebar.order = order;
        let bookmarks = std::mem::take(&mut self.sidebar.bookmarks);
        self.set_bookmarks(bookmarks);
    }

    /// The order the sidebar lists bookmarks in.
    pub fn bookmark_order(&self) -> Order {
        self.sidebar.order
    }

    /// Takes in this edition's bookmarks as the store has them now (after a
    /// save, an undo or a re-read), re-resolved and re-ordered. The same
    /// bookmark stays selected when it is still there.
    pub fn sync_bookmarks(&mut self, bookmarks: Vec<Bookmark>) {
        let mut current = self.sidebar.bookmarks.clone();
        let mut incoming = bookmarks.clone();
        current.sort_by(|a, b| a.id.cmp(&b.id));
        incoming.sort_by(|a, b| a.id.cmp(&b.id));
        if current == incoming {
            return;
        }
        let selected = self.selected_bookmark_id();
        self.set_bookmarks(bookmarks);
        if let Some(id) = selected {
            self.select_bookmark(&id);
        }
    }

    /// Selects the bookmark with `id` in the sidebar, if it is listed.
    pub fn select_bookmark(&mut self, id: &str) {
        self.sidebar.select(id);
    }

    fn selected_bookmark_id(&self) -> Option<String> {
        self.sidebar.selected_id()
    }

    pub(super) fn start_rename(&mut self) -> Option<Effect> {
        if self.focus != Pane::Bookmarks {
            let key = self
                .hint_key(super::Action::RenameBookmark)
                .unwrap_or("this key");
            self.notify(format!("{key} works in the bookmark sidebar"));
            return None;
        }
        let bookmark = self.sidebar.bookmarks.get(self.sidebar.selected)?;
        self.sidebar.note = Some(NoteInput {
            id: bookmark.id.clone(),
            input: LineInput::with_text(bookmark.note.as_deref().unwrap_or("")),
        });
        self.mode = super::Mode::Prompt;
        None
    }

    pub(super) fn toggle_order(&mut self) -> Option<Effect> {
        self.sidebar.order = self.sidebar.order.toggled();
        let selected = self.selected_bookmark_id();
        let bookmarks = std::mem::take(&mut self.sidebar.bookmarks);
        self.set_bookmarks(bookmarks);
        if let Some(id) = selected {
            self.select_bookmark(&id);
        }
        self.notify(match self.sidebar.order {
            Order::Position => "bookmarks by place",
            Order::Time => "bookmarks by time",
        });
        Some(Effect::KeepBookmarkOrder(self.sidebar.order))
    }

    /// Asks for a re-read of the store when the sidebar just got the focus.
    pub(super) fn refresh_if_sidebar(&self) -> Option<Effect> {
        (self.sidebar.visible && self.focus == Pane::Bookmarks).then_some(Effect::RefreshBookmarks)
    }
}
