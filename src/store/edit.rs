//! The store's mutators: adding, removing, restoring and annotating
//! bookmarks, the reading position and read marks. Each saves at once (see
//! [`Store`] for what happens when saving fails).

use super::clock::tick;
use super::{Bookmark, Position, ReadMark, Store, StoreError, anchor};
use crate::edition::{Anchor, Article, ArticleId, Fingerprint};

impl Store {
    /// Adds a bookmark to `edition` (last opened from `path`) and saves.
    /// A bookmark with the same id replaces the old one.
    pub fn add_bookmark(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        bookmark: Bookmark,
    ) -> Result<(), StoreError> {
        let entry = self.entry(edition, path);
        let clock = tick().max(entry.tombstones.get(&bookmark.id).map_or(0, |t| t + 1));
        entry.tombstones.remove(&bookmark.id);
        entry.clocks.insert(bookmark.id.clone(), clock);
        entry.bookmarks.retain(|b| b.id != bookmark.id);
        entry.bookmarks.push(bookmark);
        self.save()
    }

    /// Removes the bookmark with `id` from `edition` and saves. It leaves a
    /// tombstone so that another reader's stale copy does not bring it back,
    /// and goes on the undo history [`Store::undo_remove`] walks back, kept
    /// for as long as the store lives. Removing an unknown id
    /// changes nothing and does not save.
    pub fn remove_bookmark(&mut self, edition: &Fingerprint, id: &str) -> Result<(), StoreError> {
        let Some(entry) = self.state.editions.get_mut(edition) else {
            return Ok(());
        };
        let Some(index) = entry.bookmarks.iter().position(|b| b.id == id) else {
            return Ok(());
        };
        let removed = entry.bookmarks.remove(index);
        entry.clocks.remove(id);
        entry.tombstones.insert(id.to_owned(), tick());
        self.removed.push((edition.clone(), removed));
        self.save()
    }

    /// The bookmark removed last in this session, and its edition, if it was
    /// not restored yet.
    pub fn last_removed(&self) -> Option<(&Fingerprint, &Bookmark)> {
        self.removed.last().map(|(fp, b)| (fp, b))
    }

    /// Restores the bookmark removed last and not restored yet (same id,
    /// note and anchor) and saves: called again, the one removed before it,
    /// and so on through the session's removals. Returns it, or `Ok(None)`
    /// when there is nothing left to undo.
    pub fn undo_remove(&mut self) -> Result<Option<Bookmark>, StoreError> {
        let Some((edition, bookmark)) = self.removed.pop() else {
            return Ok(None);
        };
        self.add_bookmark(&edition, None, bookmark.clone())?;
        Ok(Some(bookmark))
    }

    /// Sets (or with `None` or blank text, clears) the note of bookmark `id`
    /// in `edition` and saves. Returns `Ok(false)` without saving when there
    /// is no such bookmark.
    pub fn set_note(
        &mut self,
        edition: &Fingerprint,
        id: &str,
        note: Option<&str>,
    ) -> Result<bool, StoreError> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let Some(entry) = self.state.editions.get_mut(edition) else {
            return Ok(false);
        };
        let Some(bookmark) = entry.bookmarks.iter_mut().find(|b| b.id == id) else {
            return Ok(false);
        };
        bookmark.note = note.map(str::to_owned);
        entry.clocks.insert(id.to_owned(), tick());
        self.save().map(|()| true)
    }

    /// Records the reading position in `edition` and saves. The position has
    /// no snippet, so re-anchoring can only trust its article and anchor;
    /// prefer [`Store::set_reading_position`]. An unchanged position does not
    /// save.
    pub fn set_position(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        position: Position,
    ) -> Result<(), StoreError> {
        self.store_position(edition, path, position, String::new())
    }

    /// Records the reading position at `anchor` in `article`, with the snippet
    /// there for re-anchoring, and saves. An unchanged position does not save.
    pub fn set_reading_position(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        article: &Article,
        anchor: Anchor,
    ) -> Result<(), StoreError> {
        let position = Position {
            article: article.id.clone(),
            anchor,
        };
        let snippet = anchor::snippet_at(article, anchor);
        self.store_position(edition, path, position, snippet)
    }

    fn store_position(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        position: Position,
        snippet: String,
    ) -> Result<(), StoreError> {
        let path = path.map(super::absolute);
        let path = path.as_deref();
        let path_changed = path.is_some_and(|p| {
            self.edition(edition)
                .is_none_or(|e| e.path.as_deref() != Some(p))
        });
        let entry = self.entry(edition, path);
        if !path_changed
            && entry.position.as_ref() == Some(&position)
            && entry.position_snippet == snippet
        {
            return Ok(());
        }
        entry.position = Some(position);
        entry.position_snippet = snippet;
        entry.position_updated = tick();
        self.save()
    }

    /// Marks `article` in `edition` read and saves (no save if it already was).
    pub fn mark_read(
        &mut self,
        edition: &Fingerprint,
        article: &ArticleId,
    ) -> Result<(), StoreError> {
        self.set_read(edition, article, true)
    }

    /// Marks `article` in `edition` read or unread and saves (no save if
    /// nothing changes).
    pub fn set_read(
        &mut self,
        edition: &Fingerprint,
        article: &ArticleId,
        read: bool,
    ) -> Result<(), StoreError> {
        if self.is_read(edition, article) == read {
            return Ok(());
        }
        let at = tick();
        self.entry(edition, None)
            .read
            .insert(article.clone(), ReadMark { read, at });
        self.save()
    }

    /// True when `article` in `edition` is marked read.
    pub fn is_read(&self, edition: &Fingerprint, article: &ArticleId) -> bool {
        self.edition(edition).is_some_and(|e| e.is_read(article))
    }
}
