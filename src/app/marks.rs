//! Read marks: one per article (edition order), the changes the event loop
//! has not saved yet, and the article `m` marked unread, left alone until
//! another article is opened (see `App::check_read` for when an article
//! counts as read).

use crate::edition::ArticleId;

/// The read marks of the open edition.
#[derive(Debug, Default)]
pub(super) struct ReadMarks {
    pub(super) read: Vec<bool>,
    pub(super) changes: Vec<(ArticleId, bool)>,
    pub(super) keep_unread: Option<usize>,
}

impl ReadMarks {
    /// These marks (one per article), nothing changed yet.
    pub(super) fn new(read: Vec<bool>) -> Self {
        ReadMarks {
            read,
            ..ReadMarks::default()
        }
    }

    /// Whether article `index` is marked read.
    pub(super) fn is_read(&self, index: usize) -> bool {
        self.read.get(index).copied().unwrap_or(false)
    }

    /// Marks article `index` (whose id is `id`) read or unread, recording
    /// the change for the event loop when it is one.
    pub(super) fn set(&mut self, index: usize, id: &ArticleId, read: bool) {
        let Some(slot) = self.read.get_mut(index) else {
            return;
        };
        if *slot != read {
            *slot = read;
            self.changes.push((id.clone(), read));
        }
    }

    /// The changes since the last call.
    pub(super) fn take_changes(&mut self) -> Vec<(ArticleId, bool)> {
        std::mem::take(&mut self.changes)
    }
}
