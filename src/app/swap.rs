//! Swapping the whole edition in for a provisional one (see
//! [`crate::edition::progressive`]): the reader keeps what it sees and
//! does. The open and selected articles stay the same articles (found by
//! [`ArticleId`], else by index), at the same reading anchor; the open
//! article is typeset again only if its text changed, and then not here
//! when the worker that parsed the edition set it already
//! ([`App::replace_edition_preset`]); the headline list,
//! page index, read marks, bookmark resolutions and a built search index
//! follow the new edition.
//!
//! While the provisional edition is shown the app carries a loading status
//! ([`App::loading`]) for the status bar.

use super::App;
use crate::edition::{ArticleId, Edition, Fingerprint};
use crate::store::EditionState;
use crate::typeset::cache::{Preset, SetCache};

impl App {
    /// The status bar's loading note (`loading… 10.0 MB`) while the edition
    /// shown is provisional; `None` once it is whole.
    pub fn loading(&self) -> Option<&str> {
        self.loading.as_deref()
    }

    /// Marks the edition shown as provisional, with the size of the whole
    /// text in bytes (shown as `loading… 10.0 MB`, decimal megabytes).
    pub fn set_loading(&mut self, total_bytes: usize) {
        self.loading = Some(loading_note(total_bytes));
    }

    /// Marks the app as waiting for an edition read from a stream (a pipe,
    /// standard input): the status bar says `reading…` until the whole
    /// edition is swapped in ([`App::replace_edition`]).
    pub fn set_reading_stream(&mut self) {
        self.loading = Some(READING_NOTE.to_owned());
    }

    /// Gives the app the fingerprint of the edition it is about to receive
    /// (one read from a stream, whose text was not there when the app was
    /// built). Call before [`App::replace_edition`]; bookmarks and marks
    /// are saved under it from then on.
    pub fn set_fingerprint(&mut self, fingerprint: Fingerprint) {
        self.fingerprint = fingerprint;
    }

    /// True when read marks changed since the last
    /// [`App::take_read_changes`].
    pub fn has_read_changes(&self) -> bool {
        !self.marks.changes.is_empty()
    }

    /// Clears the loading status when the whole edition will not come (its
    /// parse failed): the provisional edition stays.
    pub fn stop_loading(&mut self) {
        self.loading = None;
    }

    /// Replaces the provisional edition with the whole one, `edition`.
    /// `saved` is the edition's state as the store holds it now: read marks
    /// come from it for every article, and read marks changed since the
    /// last [`App::take_read_changes`] are kept over it. Clears the loading
    /// status.
    pub fn replace_edition(&mut self, edition: Edition, saved: &EditionState) {
        self.replace_edition_preset(edition, saved, None);
    }

    /// [`App::replace_edition`], with `preset`, an article of `edition`
    /// already set (on the thread that parsed it), put in the typesetting
    /// cache first: when it is the open article at the reader's width, the
    /// swap sets nothing.
    pub fn replace_edition_preset(
        &mut self,
        edition: Edition,
        saved: &EditionState,
        preset: Option<Preset>,
    ) {
        let old = std::mem::replace(&mut self.edition, edition);
        let count = self.edition.article_count();
        let moved = |index: usize| remap(&old, &self.edition, index, count);
        let current = moved(self.reader.current);
        let selected = moved(self.list.selected);
        let keep_unread = self.marks.keep_unread.map(moved);
        let unchanged = old.article(self.reader.current) == self.edition.article(current);
        self.reader.current = current;
        self.list.selected = selected;
        self.marks.keep_unread = keep_unread;
        if !unchanged {
            self.reader.set = None;
            self.reader.set_width = 0;
        }
        self.reader.cache = SetCache::default();
        if let Some(preset) = preset
            && let Some(article) =
                index_of(&self.edition, &preset.id).and_then(|index| self.edition.article(index))
        {
            self.reader
                .cache
                .insert(article, preset.width, &preset.options, preset.set);
        }
        let list = super::list::ListState::new(&self.edition, self.settings.typeset.ambiguous);
        self.list = super::list::ListState { selected, ..list };
        self.marks.read = self
            .edition
            .articles()
            .map(|a| saved.is_read(&a.id))
            .collect();
        for (id, read) in &self.marks.changes {
            if let Some(index) = index_of(&self.edition, id)
                && let Some(slot) = self.marks.read.get_mut(index)
            {
                *slot = *read;
            }
        }
        let bookmark = self
            .sidebar
            .bookmarks
            .get(self.sidebar.selected)
            .map(|b| b.id.clone());
        let bookmarks = std::mem::take(&mut self.sidebar.bookmarks);
        self.set_bookmarks(bookmarks);
        if let Some(id) = bookmark {
            self.select_bookmark(&id);
        }
        self.reindex_search(&old);
        self.loading = None;
        self.refresh();
    }
}

/// The index in `new` of article `index` of `old`: the article with the
/// same id, else the same index, kept within `0..count`.
pub(super) fn remap(old: &Edition, new: &Edition, index: usize, count: usize) -> usize {
    old.article(index)
        .and_then(|article| index_of(new, &article.id))
        .unwrap_or_else(|| index.min(count.saturating_sub(1)))
}

/// The index of the article with `id` in `edition`, if any.
fn index_of(edition: &Edition, id: &ArticleId) -> Option<usize> {
    edition.articles().position(|a| &a.id == id)
}

/// The status bar's note while an edition is read from a stream.
pub const READING_NOTE: &str = "reading…";

/// `loading… 10.0 MB` for `bytes` (decimal megabytes, one decimal; below
/// 0.1 MB in kilobytes).
fn loading_note(bytes: usize) -> String {
    // Display only: the precision lost above 2^52 bytes does not matter.
    #[allow(clippy::cast_precision_loss)]
    let bytes = bytes as f64;
    if bytes < 100_000.0 {
        format!("loading… {:.0} kB", bytes / 1_000.0)
    } else {
        format!("loading… {:.1} MB", bytes / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_note_is_in_decimal_megabytes() {
        assert_eq!(loading_note(10_000_000), "loading… 10.0 MB");
        assert_eq!(loading_note(1_240_000), "loading… 1.2 MB");
        assert_eq!(loading_note(300_000), "loading… 0.3 MB");
        assert_eq!(loading_note(20_000), "loading… 20 kB");
    }
}
