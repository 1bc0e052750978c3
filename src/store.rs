//! Reading state on disk: bookmarks, reading positions and read marks, per
//! edition, in one versioned JSON file (`bookmarks.json`) in the data
//! directory.
//!
//! This module owns persistence and nothing else: it knows the edition model's
//! ids but not the terminal. Every change is saved at once, atomically, under
//! an advisory lock, merged with whatever another reader saved meanwhile.
//!
//! # Identity
//! An edition is keyed by its [`Fingerprint`] (a hash of its text without
//! whitespace), so moving or renaming the file keeps its state; its last path
//! is remembered. A re-extraction with slightly different text gets a new
//! fingerprint; [`Store::resolve_edition`] then finds the old state by the
//! overlap of article titles and re-keys it (see [`identity`]).
//!
//! # Anchoring
//! Bookmarks and the reading position point at `(ArticleId, Anchor)` and keep
//! the text found there (a snippet). [`anchor::resolve`] finds them again in
//! an edition whose text changed; an unfound bookmark is kept, never dropped.
//!
//! # File format (`<data dir>/bookmarks.json`)
//! ```json
//! { "version": 2,
//!   "editions": {
//!     "<fingerprint, 16 hex digits>": {
//!       "path": "/papers/today.txt",           // last path opened from, or null
//!       "title": "无锡日报",                   // display title, or null
//!       "titles": ["…", "…"],                  // article titles, for re-extraction matching
//!       "aliases": ["<older fingerprint>"],    // fingerprints this state was re-keyed from
//!       "touched": 1764440000000,              // ms: last change of path/title/titles
//!       "position": {"article": "<ArticleId>", "anchor": {"paragraph": 3, "offset": 17}},
//!       "position_snippet": "…",               // text at the position (may be "")
//!       "position_updated": 1764440000000,     // ms; the newest position wins a merge
//!       "bookmarks": [{"id": "…", "article": "<ArticleId>",
//!                      "anchor": {"paragraph": 0, "offset": 0}, "snippet": "…",
//!                      "article_title": "…", "note": null, "created": 1764440000}],
//!       "clocks": {"<bookmark id>": 1764440000000},     // ms: last add or rename
//!       "tombstones": {"<bookmark id>": 1764440000000}, // ms: when it was deleted
//!       "read": {"<ArticleId>": {"read": true, "at": 1764440000000}} } } }
//! ```
//! Offsets are in `char`s (Unicode scalar values); `created` is in seconds
//! since the Unix epoch; every other timestamp is in milliseconds. Unknown
//! fields are ignored, missing optional ones default to empty.
//!
//! Version history:
//! - **1** (first release): `path`, `position` and `bookmarks` per edition,
//!   nothing else. Migrated on load (see [`migrate`]); the file is rewritten
//!   as version 2 only by the next successful save, after the original is
//!   copied to `bookmarks.json.v1`.
//! - **2**: adds titles, aliases, clocks, tombstones, read marks and the
//!   position snippet, for re-extraction matching, re-anchoring and merging
//!   two readers' changes.
//!
//! Other files beside it: `bookmarks.lock` (empty; its advisory lock is held
//! around every read-merge-write), `.bookmarks.json.<random>.tmp` (a save in
//! progress; a killed writer's leftovers are removed by the next save),
//! `bookmarks.json.v1` (the original of a migrated file) and
//! `bookmarks.json.corrupt-<secs>` (a file that did not parse).
//!
//! A file with a newer version is left untouched and the store runs
//! read-only. A file that does not parse (empty, truncated, garbage, wrong
//! shape, no `version`) is never overwritten: it is renamed to
//! `bookmarks.json.corrupt-<secs>` and the store starts empty.

pub mod anchor;
mod file;
pub mod identity;
mod listing;
mod merge;
pub mod migrate;
pub mod order;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::edition::{Anchor, Article, ArticleId, Edition, Fingerprint};

pub use identity::Identity;
pub use listing::ListedBookmark;

/// The schema version this build reads and writes.
pub const VERSION: u32 = 2;

/// The file name of the state file inside the data directory.
pub const FILE_NAME: &str = "bookmarks.json";

/// The file name of the advisory lock file beside the state file.
pub const LOCK_NAME: &str = "bookmarks.lock";

/// Errors saving state. Loading never fails (see [`Store::open`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The state file or its directory could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The store was opened read-only (a newer schema version, or a state
    /// file that could be neither read nor moved aside); changes stay in
    /// memory.
    #[error("bookmarks are read-only: {reason}")]
    ReadOnly {
        /// Why, in one sentence.
        reason: String,
    },
}

/// A saved place in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id of this bookmark (see [`new_id`]).
    pub id: String,
    /// The article it points into.
    pub article: ArticleId,
    /// Where in the article.
    pub anchor: Anchor,
    /// About 20 chars of text at the anchor, for the sidebar and re-anchoring
    /// (see [`anchor::snippet_at`]).
    pub snippet: String,
    /// The article's title, for the sidebar.
    pub article_title: String,
    /// A note the reader gave the bookmark.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was made, in seconds since the Unix epoch.
    pub created: u64,
}

impl Bookmark {
    /// A new bookmark at `anchor` in `article`: a fresh id, the snippet at the
    /// anchor, the article's title, no note, created now.
    pub fn at(article: &Article, anchor: Anchor) -> Bookmark {
        Bookmark {
            id: new_id(),
            article: article.id.clone(),
            anchor,
            snippet: anchor::snippet_at(article, anchor),
            article_title: anchor::article_title(article),
            note: None,
            created: now(),
        }
    }
}

/// The last reading position in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The article being read.
    pub article: ArticleId,
    /// The top visible row's text position.
    pub anchor: Anchor,
}

/// Whether an article was read, and when that was last set (ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMark {
    /// True when read, false when explicitly marked unread.
    pub read: bool,
    /// When this mark was set, in milliseconds since the Unix epoch.
    pub at: u64,
}

/// Everything kept about one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionState {
    /// The path the edition was last opened from.
    pub path: Option<String>,
    /// The edition's display title (newspaper name and date), if known.
    #[serde(default)]
    pub title: Option<String>,
    /// The edition's article titles, used to recognise a re-extraction.
    #[serde(default)]
    pub titles: Vec<String>,
    /// The last reading position.
    pub position: Option<Position>,
    /// Bookmarks, in the order they were made.
    pub bookmarks: Vec<Bookmark>,
    #[serde(default)]
    aliases: Vec<Fingerprint>,
    #[serde(default)]
    touched: u64,
    #[serde(default)]
    position_snippet: String,
    #[serde(default)]
    position_updated: u64,
    #[serde(default)]
    clocks: BTreeMap<String, u64>,
    #[serde(default)]
    tombstones: BTreeMap<String, u64>,
    #[serde(default)]
    read: BTreeMap<ArticleId, ReadMark>,
}

impl EditionState {
    /// True when `article` is marked read.
    pub fn is_read(&self, article: &ArticleId) -> bool {
        self.read.get(article).is_some_and(|m| m.read)
    }

    /// The articles marked read, in id order.
    pub fn read_articles(&self) -> impl Iterator<Item = &ArticleId> {
        self.read.iter().filter(|(_, m)| m.read).map(|(id, _)| id)
    }

    /// The text at the reading position when it was saved (`""` if it was
    /// set without one, see [`Store::set_position`]).
    pub fn position_snippet(&self) -> &str {
        &self.position_snippet
    }

    /// The fingerprints this state was re-keyed from, oldest first.
    pub fn aliases(&self) -> &[Fingerprint] {
        &self.aliases
    }

    /// The bookmark with `id`, if any.
    pub fn bookmark(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    editions: BTreeMap<Fingerprint, EditionState>,
}

/// Why the store does not write to disk, if it does not.
#[derive(Debug, Clone)]
enum Mode {
    Writable,
    ReadOnly(String),
}

/// The reading state store, backed by `<dir>/bookmarks.json`.
///
/// Every mutator saves at once. When a save fails the change is kept in
/// memory, the mutator returns the error, and the next change retries; the
/// failure is announced once per failing streak through
/// [`Store::take_messages`].
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    state: StateFile,
    mode: Mode,
    failing: bool,
    messages: Vec<String>,
    last_removed: Option<(Fingerprint, Bookmark)>,
}

impl Store {
    /// Opens the store in `dir` (created on the first save). Never fails: a
    /// missing file gives an empty store; a corrupt one is moved aside to
    /// `bookmarks.json.corrupt-<secs>` and reported in the returned warnings
    /// (one sentence each, for the status bar and stderr); an older version is
    /// migrated in memory; a newer version, or a file that cannot be read,
    /// opens the store read-only with a warning saying so.
    pub fn open(dir: &Path) -> (Store, Vec<String>) {
        let opened = file::open(dir);
        let mode = match opened.read_only {
            Some(reason) => Mode::ReadOnly(reason),
            None => Mode::Writable,
        };
        let store = Store {
            dir: dir.to_owned(),
            state: opened.state,
            mode,
            failing: false,
            messages: Vec::new(),
            last_removed: None,
        };
        (store, opened.warnings)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `Some(reason)` when the store does not write to disk this session.
    pub fn read_only(&self) -> Option<&str> {
        match &self.mode {
            Mode::ReadOnly(reason) => Some(reason),
            Mode::Writable => None,
        }
    }

    /// True while the last save attempt failed (changes are only in memory).
    pub fn save_failing(&self) -> bool {
        self.failing
    }

    /// Messages for the status bar (and stderr after exit) that arose since
    /// the last call: a save that started failing (once per failing streak),
    /// saving working again, a corrupt file moved aside during a save. Each
    /// message is returned once.
    pub fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }

    /// The state kept for `edition`, if any.
    pub fn edition(&self, edition: &Fingerprint) -> Option<&EditionState> {
        self.state.editions.get(edition)
    }

    /// Every edition with state, in fingerprint order.
    pub fn editions(&self) -> impl Iterator<Item = (&Fingerprint, &EditionState)> {
        self.state.editions.iter()
    }

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
    /// and is remembered for [`Store::undo_remove`]. Removing an unknown id
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
        self.last_removed = Some((edition.clone(), removed));
        self.save()
    }

    /// The bookmark removed last in this session, and its edition, if it was
    /// not restored yet.
    pub fn last_removed(&self) -> Option<(&Fingerprint, &Bookmark)> {
        self.last_removed.as_ref().map(|(fp, b)| (fp, b))
    }

    /// Restores the bookmark removed last (same id, note and anchor) and
    /// saves. Returns it, or `Ok(None)` when there is nothing to undo.
    pub fn undo_remove(&mut self) -> Result<Option<Bookmark>, StoreError> {
        let Some((edition, bookmark)) = self.last_removed.take() else {
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

    /// Re-reads the file (under the lock) and merges other readers' changes
    /// into memory without writing. Problems are reported through
    /// [`Store::take_messages`].
    pub fn refresh(&mut self) {
        match file::read_merged(&self.dir, &self.state) {
            Ok((state, mut messages)) => {
                self.state = state;
                self.messages.append(&mut messages);
            }
            Err(err) => self
                .messages
                .push(format!("bookmarks: can't re-read: {err}")),
        }
    }

    fn entry(&mut self, edition: &Fingerprint, path: Option<&str>) -> &mut EditionState {
        let entry = self.state.editions.entry(edition.clone()).or_default();
        if let Some(path) = path
            && entry.path.as_deref() != Some(path)
        {
            entry.path = Some(path.to_owned());
            entry.touched = tick();
        }
        entry
    }

    /// Saves now: lock, read the file, merge, write atomically, unlock.
    fn save(&mut self) -> Result<(), StoreError> {
        if let Mode::ReadOnly(reason) = &self.mode {
            return Err(StoreError::ReadOnly {
                reason: reason.clone(),
            });
        }
        let outcome = file::save(&self.dir, &mut self.state);
        match outcome {
            Ok(mut messages) => {
                self.messages.append(&mut messages);
                if self.failing {
                    self.failing = false;
                    self.messages.push("bookmarks saved again".to_owned());
                }
                Ok(())
            }
            Err(file::SaveError::Newer(reason)) => {
                self.messages.push(format!("bookmarks: {reason}"));
                self.mode = Mode::ReadOnly(reason.clone());
                Err(StoreError::ReadOnly { reason })
            }
            Err(file::SaveError::Io(err)) => {
                if !self.failing {
                    self.failing = true;
                    self.messages.push(format!(
                        "bookmarks can't be saved ({err}); keeping them in memory and retrying on each change"
                    ));
                }
                Err(err)
            }
        }
    }
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn now() -> u64 {
    now_ms() / 1000
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A process-wide monotonic clock in milliseconds since the Unix epoch: the
/// wall clock, but always at least one more than the previous tick, so that
/// two changes in one process are ordered even within one millisecond.
fn tick() -> u64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = now_ms();
    let mut last = LAST.load(Ordering::Relaxed);
    loop {
        let next = now.max(last.saturating_add(1));
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// A new bookmark id, unique across processes: `<ms>-<pid>-<n>` where `ms`
/// is the creation time in milliseconds, `pid` the process id and `n` a
/// per-process counter.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{}-{n}", now_ms(), std::process::id())
}

/// The edition's display title: the newspaper's name and date when the parser
/// found them, else `None`.
pub fn edition_title(edition: &Edition) -> Option<String> {
    let parts: Vec<&str> = [edition.title.as_deref(), edition.date.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}
