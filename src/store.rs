//! Reading state on disk: bookmarks, reading positions and read marks, per
//! edition, in one versioned JSON file (`bookmarks.json`) in the data
//! directory.
//!
//! This module owns persistence and nothing else: it knows the edition model's
//! ids but not the terminal. Every change is saved at once (or, in the
//! reader, handed at once to a saver thread: [`Store::save_in_background`]),
//! atomically, under an advisory lock, merged with whatever another reader
//! saved meanwhile.
//!
//! # Identity
//! An edition is keyed by its [`Fingerprint`] (a hash of its text without
//! whitespace), so moving or renaming the file keeps its state; its last path
//! is remembered. State stored under a key of the legacy format (before
//! issue 16) is moved to the current key the first time the edition is
//! opened ([`Store::adopt_legacy`]). A re-extraction with slightly different text gets a new
//! fingerprint; [`Store::identify`] then re-keys the old state to it when the
//! re-extraction replaced the old file and has the same masthead and most of
//! its titles and paragraphs the same. State is moved, never copied (see
//! [`identity`]).
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
//!     "<fingerprint: x3- and 32 hex digits; 16 hex digits before issue 16>": {
//!       "path": "/papers/today.txt",           // last path opened from, or null
//!       "title": "无锡日报",                   // display title, or null
//!       "titles": ["…", "…"],                  // first 100 article titles, for re-extraction matching
//!       "articles": 12,                        // how many articles (for the unread count)
//!       "paragraph_sample": [2813, 90211],     // smallest 64 paragraph hashes, for re-extraction matching
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
//!   Since 29 Nov 2026 `titles` holds at most the first
//!   [`identity::MAX_TITLES`] titles (same schema: older files with every
//!   title still load, are matched on their first 100, and are cut down by
//!   the next save). Since 6 Dec 2026 an edition also keeps its
//!   `paragraph_sample` (same schema: state without one is matched by the
//!   rules it can be, see [`identity`]).
//!   Since 6 Dec 2026 (issue 16) editions are keyed by an XXH3 fingerprint
//!   (`x3-` and 32 hex digits; same schema): state under an older FNV key
//!   (16 hex digits) moves to the new key, the old one kept among its
//!   `aliases`, the first time the edition is opened.
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
mod clock;
mod edit;
mod file;
pub mod identity;
mod listing;
mod merge;
pub mod migrate;
pub mod notice;
pub mod order;
pub mod prefs;
mod saver;
mod state;

use std::path::{Path, PathBuf};

use crate::edition::{Edition, Fingerprint};

pub use clock::{new_id, now};
pub use identity::{Identity, KnownKeys, TextKeys};
pub use listing::ListedBookmark;
pub use notice::Notice;
pub use state::{Bookmark, EditionState, Position, ReadMark};

use clock::tick;
use state::StateFile;

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

/// Why the store does not write to disk, if it does not.
#[derive(Debug, Clone)]
enum Mode {
    Writable,
    ReadOnly(String),
}

/// The reading state store, backed by `<dir>/bookmarks.json`.
///
/// Every mutator saves at once: it takes `bookmarks.lock` (waiting at most
/// two seconds for another reader), merges the file into memory, and writes
/// it back atomically. When a save fails (unwritable directory, full disk,
/// lock held too long) the change is kept in memory, the mutator returns the
/// error, every failed save is announced through [`Store::take_messages`],
/// and the next save (the next change, or [`Store::finish`]) retries with
/// everything not yet saved. [`Store::has_unsaved`] tells whether changes
/// are only in memory, e.g. to exit non-zero on quit.
///
/// An interactive reader calls [`Store::save_in_background`] first: mutators
/// then only mark the state changed, [`Store::flush`] hands it to a saver
/// thread (one save for all changes since the last flush, each save the same
/// locked read-merge-atomic-write), [`Store::collect`] takes in finished
/// saves and their failures, and [`Store::finish`] waits for the last one.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    state: StateFile,
    mode: Mode,
    failing: bool,
    /// The full text of the last save failure.
    last_error: String,
    messages: Vec<Notice>,
    /// Every bookmark removed in this session and not restored yet, oldest
    /// first: the undo history `u` walks back.
    removed: Vec<(Fingerprint, Bookmark)>,
    /// The saver thread, once [`Store::save_in_background`] started it.
    saver: Option<saver::Saver>,
    /// A change not yet handed to the saver thread.
    dirty: bool,
}

impl Store {
    /// Opens the store in `dir` (created on the first save). Never fails: a
    /// missing file gives an empty store; a corrupt one is moved aside to
    /// `bookmarks.json.corrupt-<secs>` and reported in the returned warnings
    /// (short for the status bar, full for stderr: [`Notice`]); an older version is
    /// migrated in memory; a newer version, or a file that cannot be read,
    /// opens the store read-only with a warning saying so.
    pub fn open(dir: &Path) -> (Store, Vec<Notice>) {
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
            last_error: String::new(),
            messages: Vec::new(),
            removed: Vec::new(),
            saver: None,
            dirty: false,
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

    /// True when changes are only in memory: the last save failed (until one
    /// succeeds), or a change was not yet handed to the saver thread or
    /// written by it. After [`Store::finish`], true only when the final
    /// retry failed too: the changes will be lost when the process ends. A
    /// read-only store (a newer schema on disk, said when it was opened)
    /// does not count its changes as unsaved.
    pub fn has_unsaved(&self) -> bool {
        self.failing || self.dirty || self.saving()
    }

    /// Why the last save failed, in full (paths and the underlying error),
    /// while [`Store::save_failing`].
    pub fn save_error(&self) -> Option<&str> {
        self.failing.then_some(self.last_error.as_str())
    }

    /// Messages for the status bar (and stderr after exit) that arose since
    /// the last call: every save that failed, saving working again, a corrupt file moved aside during a save. Each
    /// message is returned once.
    pub fn take_messages(&mut self) -> Vec<Notice> {
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

    /// Re-reads the file (under the lock) and merges other readers' changes
    /// into memory without writing. Problems are reported through
    /// [`Store::take_messages`].
    pub fn refresh(&mut self) {
        match file::read_merged(&self.dir, &self.state) {
            Ok((state, mut messages)) => {
                self.state = state;
                self.messages.append(&mut messages);
            }
            Err(err) => self.messages.push(Notice {
                status: format!("can't re-read {FILE_NAME} ({})", notice::kind(&err)),
                detail: format!("bookmarks: can't re-read: {err}"),
            }),
        }
    }

    fn entry(&mut self, edition: &Fingerprint, path: Option<&str>) -> &mut EditionState {
        let path = path.map(absolute);
        let entry = self.state.editions.entry(edition.clone()).or_default();
        if let Some(path) = path
            && entry.path.as_ref() != Some(&path)
        {
            entry.path = Some(path);
            entry.touched = tick();
        }
        entry
    }

    /// From now on, mutators only mark the state changed and [`Store::flush`]
    /// hands it to a saver thread (see the `saver` module): for the event loop, which
    /// must not wait for the disk. Call [`Store::collect`] when the loop
    /// wakes, and [`Store::finish`] before the process ends. If the thread
    /// cannot be started the store keeps saving in place.
    pub fn save_in_background(&mut self) {
        self.save_in_background_waking(|| {});
    }

    /// As [`Store::save_in_background`], calling `wake` on the saver thread
    /// whenever a save has finished: the event loop waits on a channel
    /// instead of polling [`Store::saving`].
    pub fn save_in_background_waking(&mut self, wake: impl Fn() + Send + 'static) {
        if self.saver.is_none() {
            self.saver = saver::Saver::start(self.dir.clone(), Box::new(wake)).ok();
        }
    }

    /// Hands the state to the saver thread if a change is waiting: one save
    /// for every change since the last flush. Without a saver thread there
    /// is never anything waiting (mutators saved at once).
    pub fn flush(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        let snapshot = self.state.clone();
        let sent = self.saver.as_mut().is_some_and(|s| s.send(snapshot));
        if !sent {
            // The thread is gone: save here, as without one.
            self.saver = None;
            let _ = self.save();
        }
    }

    /// Flushes and waits until the saver thread has written it: for changes
    /// the user made on purpose (bookmarks), which must be on disk by the
    /// time the screen shows them, even if the process is killed right
    /// after. Takes in the outcomes as [`Store::collect`] does.
    pub fn flush_and_wait(&mut self) {
        self.flush();
        let outcomes = self
            .saver
            .as_mut()
            .map(saver::Saver::wait)
            .unwrap_or_default();
        for outcome in outcomes {
            self.absorb(outcome);
        }
    }

    /// True while the saver thread has a save in flight: the caller should
    /// wake soon to [`Store::collect`] its outcome.
    pub fn saving(&self) -> bool {
        self.saver.as_ref().is_some_and(saver::Saver::busy)
    }

    /// Takes in the outcome of finished background saves, without waiting:
    /// other readers' changes the save merged in, and messages (failures)
    /// for [`Store::take_messages`]. True if a save finished.
    pub fn collect(&mut self) -> bool {
        let outcomes = self
            .saver
            .as_mut()
            .map(saver::Saver::try_take)
            .unwrap_or_default();
        let any = !outcomes.is_empty();
        for outcome in outcomes {
            self.absorb(outcome);
        }
        any
    }

    /// Flushes, waits for the saver thread to write everything and stops it;
    /// mutators save in place again afterwards. When the last save failed,
    /// tries once more. Call before the process ends (on quit), so that
    /// nothing is lost; then [`Store::has_unsaved`] says whether something
    /// will be.
    pub fn finish(&mut self) {
        self.flush();
        if let Some(mut saver) = self.saver.take() {
            for outcome in saver.finish() {
                self.absorb(outcome);
            }
        }
        if self.failing {
            let _ = self.save();
        }
    }

    /// Takes in one background save's outcome: its merged state (newest wins,
    /// so changes made since the snapshot stay), then its result.
    fn absorb(&mut self, outcome: saver::Outcome) {
        merge::merge(&mut self.state, outcome.state);
        let _ = self.settle(outcome.result);
    }

    /// Saves now: lock, read the file, merge, write atomically, unlock. With
    /// a saver thread, only marks the state changed for [`Store::flush`].
    fn save(&mut self) -> Result<(), StoreError> {
        if let Mode::ReadOnly(reason) = &self.mode {
            return Err(StoreError::ReadOnly {
                reason: reason.clone(),
            });
        }
        if self.saver.is_some() {
            self.dirty = true;
            return Ok(());
        }
        let outcome = file::save(&self.dir, &mut self.state);
        self.settle(outcome)
    }

    /// Records a save's result: messages, the failing streak, read-only.
    fn settle(&mut self, outcome: Result<Vec<Notice>, file::SaveError>) -> Result<(), StoreError> {
        match outcome {
            Ok(mut messages) => {
                self.messages.append(&mut messages);
                if self.failing {
                    self.failing = false;
                    self.messages.push(Notice::plain("bookmarks saved again"));
                }
                Ok(())
            }
            Err(file::SaveError::Newer(reason, version)) => {
                let mut notice = file::newer_notice(&reason, version);
                notice.detail = format!("bookmarks: {reason}");
                self.messages.push(notice);
                self.mode = Mode::ReadOnly(reason.clone());
                Err(StoreError::ReadOnly { reason })
            }
            Err(file::SaveError::Io(err)) => {
                // Every failure is said: the change just made is not on
                // disk, whatever the status bar said before.
                self.failing = true;
                self.last_error = err.to_string();
                let why = match &err {
                    StoreError::Io { source, .. } => notice::kind(source),
                    StoreError::ReadOnly { .. } => "read-only".to_owned(),
                };
                self.messages.push(Notice {
                    status: format!(
                        "NOT SAVED ({why}): kept in memory, retried on each change"
                    ),
                    detail: format!(
                        "bookmarks can't be saved ({err}); keeping them in memory and retrying on each change"
                    ),
                });
                Err(err)
            }
        }
    }
}

/// `path` made absolute against the current directory (without resolving
/// symlinks or touching the file system), so that the same file opened from
/// two directories is recorded alike. A path that cannot be made absolute is
/// kept as given.
pub fn absolute(path: &str) -> String {
    std::path::absolute(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_owned())
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
