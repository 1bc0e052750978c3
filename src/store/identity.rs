//! Recognising an edition seen before: by fingerprint, else by its article
//! titles.
//!
//! The fingerprint ignores whitespace, so re-wrapping, CRLF and moving the
//! file keep it. A re-extraction of the same paper (another PDF extractor, a
//! fixed OCR error) changes the text and so the fingerprint, but nearly all of
//! its article titles stay the same: an edition whose stored titles share more
//! than half of the larger list of distinct titles is taken to be the same
//! paper, and its state is re-keyed to the new fingerprint (the old one is
//! kept as an alias, so another reader still holding it merges into the new
//! key).
//!
//! Unless the old file is still there: several files can hold the same
//! articles at once (one paper's extractions side by side, or one paper in
//! several layouts), and moving the state to whichever was opened last would
//! make bookmarks and read marks jump between them. When the matched state's
//! remembered path still holds text with the matched fingerprint, the state
//! is forked instead: copied to the new fingerprint, the old one kept.

use super::{EditionState, Store, edition_title, tick};
use std::path::Path;

use crate::edition::{Edition, Fingerprint, decode};

/// How many article titles are kept and compared: the first ones, in reading
/// order. Enough to tell papers apart, and it keeps the state file small: a
/// 10 MB edition has about 4 000 articles, whose titles made up nearly all of
/// a 290 KB file that every save rewrites. Older files that hold more are
/// compared on their first this many and cut down on the next save.
pub const MAX_TITLES: usize = 100;

/// How [`Store::resolve_edition`] recognised an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// Known by its fingerprint, opened from the same path (or no path).
    Known,
    /// Known by its fingerprint, but opened from another path than last time
    /// (the file was moved or renamed).
    Moved {
        /// The path it was last opened from.
        from: String,
    },
    /// Matched by its article titles: its state was re-keyed from `from`
    /// (the file it was kept for is gone or now holds other text).
    Rekeyed {
        /// The fingerprint the state was kept under.
        from: Fingerprint,
        /// How many article titles the two share.
        shared: usize,
    },
    /// Matched by its article titles while the file of `from` still holds
    /// that edition: its state was copied from `from`, which keeps its own.
    Forked {
        /// The fingerprint the state was kept under.
        from: Fingerprint,
        /// How many article titles the two share.
        shared: usize,
    },
    /// Never seen before.
    New,
}

impl Store {
    /// Finds the state of the edition with `fingerprint`, opened from `path`,
    /// whose articles have `titles` (see the module doc), re-keying it if it
    /// was matched by titles, and records the path and titles. Saves when
    /// something changed for an edition seen before; a save failure is
    /// reported through [`Store::take_messages`].
    pub fn resolve_edition(
        &mut self,
        fingerprint: &Fingerprint,
        path: Option<&str>,
        titles: &[String],
    ) -> Identity {
        self.resolve_with_title(fingerprint, path, titles, None)
    }

    /// [`Store::resolve_edition`] for a parsed edition: its path is
    /// [`Edition::source`], its titles those of its articles, and its display
    /// title ([`EditionState::title`]) is recorded too.
    pub fn identify(&mut self, fingerprint: &Fingerprint, edition: &Edition) -> Identity {
        let titles: Vec<String> = edition
            .articles()
            .map(super::anchor::identity_title)
            .collect();
        let title = edition_title(edition);
        let identity =
            self.resolve_with_title(fingerprint, edition.source.as_deref(), &titles, title);
        if self.refresh_bookmark_titles(fingerprint, edition) {
            // A failure is announced through take_messages.
            let _ = self.save();
        }
        identity
    }

    /// Gives the bookmarks of `fingerprint` whose article is in `edition`
    /// the article's title as it is shown now
    /// ([`super::anchor::article_title`]): a bookmark saved when two-line
    /// titles were joined with no space gets the space. True if any changed.
    fn refresh_bookmark_titles(&mut self, fingerprint: &Fingerprint, edition: &Edition) -> bool {
        let Some(state) = self.state.editions.get_mut(fingerprint) else {
            return false;
        };
        let mut changed = false;
        for bookmark in &mut state.bookmarks {
            let Some(article) = edition.articles().find(|a| a.id == bookmark.article) else {
                continue;
            };
            let title = super::anchor::article_title(article);
            if bookmark.article_title != title {
                bookmark.article_title = title;
                changed = true;
            }
        }
        changed
    }

    fn resolve_with_title(
        &mut self,
        fingerprint: &Fingerprint,
        path: Option<&str>,
        titles: &[String],
        title: Option<String>,
    ) -> Identity {
        let path = path.map(super::absolute);
        let path = path.as_deref();
        let articles = titles.len();
        let titles: Vec<String> = titles
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .take(MAX_TITLES)
            .collect();
        let identity = if let Some(state) = self.state.editions.get(fingerprint) {
            match (path, &state.path) {
                (Some(new), Some(old)) if old != new => Identity::Moved { from: old.clone() },
                _ => Identity::Known,
            }
        } else if let Some((from, shared)) = best_match(self.state.editions.iter(), &titles) {
            self.take_over(fingerprint, from, shared)
        } else {
            Identity::New
        };
        let changed = self.record(fingerprint, path, (titles, articles), title);
        let matched = matches!(identity, Identity::Rekeyed { .. } | Identity::Forked { .. });
        if matched || (identity != Identity::New && changed) {
            // A failure is announced through take_messages; the state is
            // kept in memory either way.
            let _ = self.save();
        }
        identity
    }

    /// Gives `fingerprint` the state kept under `from`: a copy when `from`'s
    /// file still holds that edition (see the module doc), else the state
    /// itself, re-keyed.
    fn take_over(
        &mut self,
        fingerprint: &Fingerprint,
        from: Fingerprint,
        shared: usize,
    ) -> Identity {
        let still_there = self
            .state
            .editions
            .get(&from)
            .and_then(|state| state.path.as_deref())
            .is_some_and(|path| holds(Path::new(path), &from));
        if still_there {
            let mut copy = self.state.editions.get(&from).cloned().unwrap_or_default();
            // The copy is its own edition: it answers for no older key.
            copy.aliases.clear();
            copy.touched = tick();
            self.state.editions.insert(fingerprint.clone(), copy);
            return Identity::Forked { from, shared };
        }
        let mut state = self.state.editions.remove(&from).unwrap_or_default();
        if !state.aliases.contains(&from) {
            state.aliases.push(from.clone());
        }
        // Back under a key it had before: that key is no alias now.
        state.aliases.retain(|alias| alias != fingerprint);
        state.touched = tick();
        self.state.editions.insert(fingerprint.clone(), state);
        Identity::Rekeyed { from, shared }
    }

    /// Records path, titles (the first [`MAX_TITLES`], and how many
    /// articles there are) and display title; true if any changed.
    fn record(
        &mut self,
        fingerprint: &Fingerprint,
        path: Option<&str>,
        (titles, articles): (Vec<String>, usize),
        title: Option<String>,
    ) -> bool {
        let entry = self.state.editions.entry(fingerprint.clone()).or_default();
        let mut changed = entry.touched == 0;
        if let Some(path) = path
            && entry.path.as_deref() != Some(path)
        {
            entry.path = Some(path.to_owned());
            changed = true;
        }
        if !titles.is_empty() && entry.titles != titles {
            entry.titles = titles;
            changed = true;
        }
        if articles > 0 && entry.articles != Some(articles) {
            entry.articles = Some(articles);
            changed = true;
        }
        if title.is_some() && entry.title != title {
            entry.title = title;
            changed = true;
        }
        if changed {
            entry.touched = tick();
        }
        changed
    }
}

/// The stored edition whose titles best overlap `titles`, with the number
/// shared, if it shares more than half of the longer list of distinct
/// titles. Ties go to the most recently touched edition.
fn best_match<'a>(
    editions: impl Iterator<Item = (&'a Fingerprint, &'a EditionState)>,
    titles: &[String],
) -> Option<(Fingerprint, usize)> {
    // Distinct titles: a title an edition repeats (a recurring column, a
    // paper made of one page's articles again and again) is one piece of
    // evidence, not one per repeat.
    let wanted = distinct(titles.iter().take(MAX_TITLES));
    let mut best: Option<((usize, u64), Fingerprint, usize)> = None;
    for (fingerprint, state) in editions {
        let stored = distinct(state.titles.iter().take(MAX_TITLES));
        let longer = stored.len().max(wanted.len());
        let shared = wanted.iter().filter(|t| stored.contains(t)).count();
        if shared == 0 || shared * 2 <= longer {
            continue;
        }
        let score = (shared * 1000 / longer, state.touched);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, fingerprint.clone(), shared));
        }
    }
    best.map(|(_, fingerprint, shared)| (fingerprint, shared))
}

/// True when the file at `path` exists and its text, decoded as
/// [`crate::edition::load`] decodes it (detected encoding), has `fingerprint`.
/// An unreadable file holds nothing.
fn holds(path: &Path, fingerprint: &Fingerprint) -> bool {
    std::fs::read(path)
        .is_ok_and(|bytes| Fingerprint::of_text(&decode::decode(&bytes, None).text) == *fingerprint)
}

/// The distinct `titles`, each [`normalise`]d, in first-seen order.
fn distinct<'a>(titles: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for title in titles.map(|t| normalise(t)) {
        if !out.contains(&title) {
            out.push(title);
        }
    }
    out
}

/// A title compared without whitespace and case.
fn normalise(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
