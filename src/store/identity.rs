//! Recognising an edition seen before, so that its state (bookmarks, read
//! marks, position) moves with it, and only with it.
//!
//! An edition is the same edition when:
//! 1. it has the same text: the same [`Fingerprint`] (which ignores
//!    whitespace, so re-wrapping, CRLF and moving or renaming the file keep
//!    it), wherever the file now lives; or
//! 2. it is a re-extraction of the same paper that replaced the old file
//!    (another PDF extractor, a fixed OCR error: the text and so the
//!    fingerprint changed), which is all of:
//!    - the old file is gone: the stored path no longer holds text with the
//!      old fingerprint (or no path was stored);
//!    - the same masthead: the display titles (paper name and date) are
//!      equal, if either edition prints one;
//!    - most article titles the same: more than half of the longer list of
//!      distinct titles is shared;
//!    - most paragraphs the same: of the two editions' paragraph samples
//!      (see [`paragraph_sample`]), more than half of the sample of their
//!      union is in both. State saved before samples were kept has none,
//!      and is matched on the three rules above alone.
//!
//! In case 2 the state is re-keyed to the new fingerprint (the old one is
//! kept as an alias, so another reader still holding it merges into the new
//! key).
//!
//! Keys of the legacy format (16 hex digits, FNV-1a: every key stored
//! before issue 16) are rule 1 too: the same text under its old key. When
//! an edition's current key is unknown, its legacy key is computed (on the
//! worker that reads the edition: [`KnownKeys::keys_of`]) and state found
//! under it is re-keyed to the current key, the legacy key kept as an alias
//! ([`Store::adopt_legacy`]), before the edition is identified; nothing is
//! deleted. State is moved, never copied: two files that hold the same articles
//! side by side (one paper's extractions, or one wire story printed by two
//! papers) are two editions, each with its own state. (Earlier versions
//! copied state in that case; such copies stay where they are.)

use super::{EditionState, Store, edition_title, tick};
use std::collections::BTreeSet;
use std::path::Path;

use crate::edition::{Edition, Fingerprint, decode};

/// How many article titles are kept and compared: the first ones, in reading
/// order. Enough to tell papers apart, and it keeps the state file small: a
/// 10 MB edition has about 4 000 articles, whose titles made up nearly all of
/// a 290 KB file that every save rewrites. Older files that hold more are
/// compared on their first this many and cut down on the next save.
pub const MAX_TITLES: usize = 100;

/// How many paragraph hashes an edition's sample keeps: the smallest ones
/// (a bottom-k sketch), so the same paragraphs are sampled in both of two
/// extractions wherever they sit in the edition.
pub const SAMPLE_SIZE: usize = 64;

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
    /// A re-extraction that replaced the edition kept under `from`: its
    /// state was re-keyed from `from`.
    Rekeyed {
        /// The fingerprint the state was kept under.
        from: Fingerprint,
        /// How many article titles the two share.
        shared: usize,
    },
    /// Never seen before.
    New,
}

/// What is known of an edition being identified, besides its fingerprint.
#[derive(Debug, Clone, Default)]
struct Evidence {
    path: Option<String>,
    /// The first [`MAX_TITLES`] non-blank titles, trimmed.
    titles: Vec<String>,
    articles: usize,
    /// The display title (masthead name and date), if printed.
    masthead: Option<String>,
    /// The paragraph sample, when the paragraphs are known.
    sample: Option<Vec<u32>>,
}

/// The keys the store holds state under, taken when an edition is opened,
/// so that the thread that reads and fingerprints the edition can tell
/// whether its legacy key is worth computing ([`KnownKeys::keys_of`]).
#[derive(Debug, Clone, Default)]
pub struct KnownKeys {
    keys: BTreeSet<Fingerprint>,
    any_legacy: bool,
}

/// An edition's keys, from its text: its fingerprint, and the legacy key
/// the store holds state under for the same text, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextKeys {
    /// The current fingerprint ([`Fingerprint::of_text`]).
    pub fingerprint: Fingerprint,
    /// The legacy key ([`Fingerprint::legacy_of_text`]), when the store
    /// knew no state under `fingerprint` but had state under this one.
    pub legacy: Option<Fingerprint>,
}

impl KnownKeys {
    /// True when the store held state under `key` when this was taken.
    pub fn contains(&self, key: &Fingerprint) -> bool {
        self.keys.contains(key)
    }

    /// The keys of `text` (normalised edition text): its fingerprint, and,
    /// only when the store knows no state under it but holds some key of
    /// the legacy format, the legacy key if the store holds state under
    /// it. The legacy hash (about 1.6 ms a MB) is thus computed once per
    /// edition, on the first open after the fingerprint changed format.
    pub fn keys_of(&self, text: &str) -> TextKeys {
        let fingerprint = Fingerprint::of_text(text);
        let legacy = (self.any_legacy && !self.contains(&fingerprint))
            .then(|| Fingerprint::legacy_of_text(text))
            .filter(|legacy| self.contains(legacy));
        TextKeys {
            fingerprint,
            legacy,
        }
    }
}

impl Store {
    /// The keys the store holds state under now (see [`KnownKeys`]).
    pub fn known_keys(&self) -> KnownKeys {
        let keys: BTreeSet<Fingerprint> = self.state.editions.keys().cloned().collect();
        let any_legacy = keys.iter().any(Fingerprint::is_legacy);
        KnownKeys { keys, any_legacy }
    }

    /// Moves the state kept under `keys.legacy` (the same text's key of the
    /// legacy format) to `keys.fingerprint`, the legacy key kept as an
    /// alias, when there is state under the one and none under the other;
    /// saves then (a failure is reported through [`Store::take_messages`]).
    /// Nothing is deleted: another reader still saving under the legacy
    /// key is merged into the new key ([`super::merge`]). True when state
    /// was moved.
    pub fn adopt_legacy(&mut self, keys: &TextKeys) -> bool {
        let Some(legacy) = &keys.legacy else {
            return false;
        };
        let fingerprint = &keys.fingerprint;
        if legacy == fingerprint
            || self.state.editions.contains_key(fingerprint)
            || !self.state.editions.contains_key(legacy)
        {
            return false;
        }
        self.rekey(fingerprint, legacy.clone());
        // A failure is announced through take_messages; the state is kept
        // in memory either way.
        let _ = self.save();
        true
    }

    /// Finds the state of the edition with `fingerprint`, opened from `path`,
    /// whose articles have `titles` and whose paragraphs are not known (see
    /// the module doc), re-keying a replaced extraction's state, and records
    /// the path and titles. Saves when something changed for an edition seen
    /// before; a save failure is reported through [`Store::take_messages`].
    pub fn resolve_edition(
        &mut self,
        fingerprint: &Fingerprint,
        path: Option<&str>,
        titles: &[String],
    ) -> Identity {
        self.resolve(fingerprint, evidence(path, titles, None, None))
    }

    /// [`Store::resolve_edition`] for a parsed edition: its path is
    /// [`Edition::source`], its titles those of its articles, its display
    /// title ([`EditionState::title`]) and paragraph sample are compared and
    /// recorded too.
    pub fn identify(&mut self, fingerprint: &Fingerprint, edition: &Edition) -> Identity {
        let titles: Vec<String> = edition
            .articles()
            .map(super::anchor::identity_title)
            .collect();
        let evidence = evidence(
            edition.source.as_deref(),
            &titles,
            edition_title(edition),
            Some(paragraph_sample(edition)),
        );
        let identity = self.resolve(fingerprint, evidence);
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

    fn resolve(&mut self, fingerprint: &Fingerprint, evidence: Evidence) -> Identity {
        let identity = if let Some(state) = self.state.editions.get(fingerprint) {
            match (&evidence.path, &state.path) {
                (Some(new), Some(old)) if old != new => Identity::Moved { from: old.clone() },
                _ => Identity::Known,
            }
        } else if let Some((from, shared)) = self.replaced(fingerprint, &evidence) {
            self.rekey(fingerprint, from.clone());
            Identity::Rekeyed { from, shared }
        } else {
            Identity::New
        };
        let changed = self.record(fingerprint, evidence);
        let rekeyed = matches!(identity, Identity::Rekeyed { .. });
        if rekeyed || (identity != Identity::New && changed) {
            // A failure is announced through take_messages; the state is
            // kept in memory either way.
            let _ = self.save();
        }
        identity
    }

    /// The stored edition that `evidence` re-extracts and replaces (rule 2
    /// of the module doc), with the number of titles shared: of those that
    /// pass, the one sharing the most titles (ties: the most recently
    /// touched).
    fn replaced(
        &self,
        fingerprint: &Fingerprint,
        evidence: &Evidence,
    ) -> Option<(Fingerprint, usize)> {
        let wanted = distinct(evidence.titles.iter());
        let mut candidates: Vec<((usize, u64), Fingerprint, usize)> = Vec::new();
        for (key, state) in &self.state.editions {
            if key == fingerprint || state.title != evidence.masthead {
                continue;
            }
            let Some((score, shared)) = title_overlap(&wanted, state) else {
                continue;
            };
            let paragraphs_agree = match (&state.sample, &evidence.sample) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(old), Some(new)) => mostly_same(old, new),
            };
            if paragraphs_agree {
                candidates.push(((score, state.touched), key.clone(), shared));
            }
        }
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        candidates.into_iter().find_map(|(_, key, shared)| {
            let still_there = self.state.editions[&key]
                .path
                .as_deref()
                .is_some_and(|path| holds(Path::new(path), &key));
            (!still_there).then_some((key, shared))
        })
    }

    /// Moves the state kept under `from` to `fingerprint`, `from` kept as an
    /// alias.
    fn rekey(&mut self, fingerprint: &Fingerprint, from: Fingerprint) {
        let mut state = self.state.editions.remove(&from).unwrap_or_default();
        if !state.aliases.contains(&from) {
            state.aliases.push(from);
        }
        // Back under a key it had before: that key is no alias now.
        state.aliases.retain(|alias| alias != fingerprint);
        state.touched = tick();
        self.state.editions.insert(fingerprint.clone(), state);
    }

    /// Records path, titles (the first [`MAX_TITLES`], and how many
    /// articles there are), display title and paragraph sample; true if any
    /// changed.
    fn record(&mut self, fingerprint: &Fingerprint, evidence: Evidence) -> bool {
        let entry = self.state.editions.entry(fingerprint.clone()).or_default();
        let mut changed = entry.touched == 0;
        if let Some(path) = evidence.path
            && entry.path.as_deref() != Some(path.as_str())
        {
            entry.path = Some(path);
            changed = true;
        }
        if !evidence.titles.is_empty() && entry.titles != evidence.titles {
            entry.titles = evidence.titles;
            changed = true;
        }
        if evidence.articles > 0 && entry.articles != Some(evidence.articles) {
            entry.articles = Some(evidence.articles);
            changed = true;
        }
        if evidence.masthead.is_some() && entry.title != evidence.masthead {
            entry.title = evidence.masthead;
            changed = true;
        }
        if evidence.sample.is_some() && entry.sample != evidence.sample {
            entry.sample = evidence.sample;
            changed = true;
        }
        if changed {
            entry.touched = tick();
        }
        changed
    }
}

fn evidence(
    path: Option<&str>,
    titles: &[String],
    masthead: Option<String>,
    sample: Option<Vec<u32>>,
) -> Evidence {
    Evidence {
        path: path.map(super::absolute),
        articles: titles.len(),
        titles: titles
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .take(MAX_TITLES)
            .collect(),
        masthead,
        sample,
    }
}

/// How well `state`'s titles overlap the `wanted` distinct titles: a score
/// (shared per mille of the longer list) and the number shared, if more than
/// half of the longer list of distinct titles is shared.
fn title_overlap(wanted: &[String], state: &EditionState) -> Option<(usize, usize)> {
    // Distinct titles: a title an edition repeats (a recurring column, a
    // paper made of one page's articles again and again) is one piece of
    // evidence, not one per repeat.
    let stored = distinct(state.titles.iter().take(MAX_TITLES));
    let longer = stored.len().max(wanted.len());
    let shared = wanted.iter().filter(|t| stored.contains(t)).count();
    if shared == 0 || shared * 2 <= longer {
        return None;
    }
    Some((shared * 1000 / longer, shared))
}

/// The edition's paragraph sample: each distinct paragraph (whitespace
/// ignored, as in the fingerprint) hashed to 32 bits, the smallest
/// [`SAMPLE_SIZE`] hashes, sorted.
pub fn paragraph_sample(edition: &Edition) -> Vec<u32> {
    let mut hashes: Vec<u32> = edition
        .articles()
        .flat_map(|a| &a.paragraphs)
        .filter_map(|p| paragraph_hash(p))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(SAMPLE_SIZE);
    hashes
}

/// 64-bit FNV-1a of `text`'s non-whitespace characters, folded to 32 bits
/// (stored on disk: it must not change between releases); `None` for a
/// blank paragraph.
fn paragraph_hash(text: &str) -> Option<u32> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        any = true;
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    #[allow(clippy::cast_possible_truncation)] // folding to 32 bits is the point
    any.then_some((hash ^ (hash >> 32)) as u32)
}

/// True when most paragraphs of the two editions are the same: of the
/// [`SAMPLE_SIZE`] smallest hashes of both samples together (a sample of
/// the union of their paragraphs), more than half are in both. Two empty
/// samples (editions without paragraphs) agree.
fn mostly_same(a: &[u32], b: &[u32]) -> bool {
    let mut union: Vec<u32> = a.iter().chain(b).copied().collect();
    union.sort_unstable();
    union.dedup();
    union.truncate(SAMPLE_SIZE);
    if union.is_empty() {
        return true;
    }
    let both = union
        .iter()
        .filter(|h| a.binary_search(h).is_ok() && b.binary_search(h).is_ok())
        .count();
    both * 2 > union.len()
}

/// True when the file at `path` exists and its text, decoded as
/// [`crate::edition::load`] decodes it (detected encoding), has `fingerprint`
/// (computed in `fingerprint`'s own format, legacy or current). An
/// unreadable file holds nothing.
fn holds(path: &Path, fingerprint: &Fingerprint) -> bool {
    std::fs::read(path)
        .is_ok_and(|bytes| fingerprint.is_of_text(&decode::decode(&bytes, None).text))
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
