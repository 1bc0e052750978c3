//! Reading state on disk: bookmarks, reading positions and read marks, per
//! edition, in one versioned JSON file (`bookmarks.json`) in the data
//! directory.
//!
//! This module owns persistence and nothing else: it knows the edition model's
//! ids but not the terminal. Every change is saved at once, atomically.
//!
//! PLACEHOLDER: first version; locking, merging, migration and the rest of
//! the durability rules are being written.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edition::{Anchor, ArticleId, Fingerprint};

/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

/// The file name of the state file inside the data directory.
pub const FILE_NAME: &str = "bookmarks.json";

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
}

/// A saved place in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id of this bookmark (creation time and a counter).
    pub id: String,
    /// The article it points into.
    pub article: ArticleId,
    /// Where in the article.
    pub anchor: Anchor,
    /// About 20 chars of text at the anchor, for the sidebar and re-anchoring.
    pub snippet: String,
    /// The article's title, for the sidebar.
    pub article_title: String,
    /// A note the reader gave the bookmark.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was made, in seconds since the Unix epoch.
    pub created: u64,
}

/// The last reading position in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The article being read.
    pub article: ArticleId,
    /// The top visible row's text position.
    pub anchor: Anchor,
}

/// Everything kept about one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionState {
    /// The path the edition was last opened from.
    pub path: Option<String>,
    /// The last reading position.
    pub position: Option<Position>,
    /// Bookmarks, in the order they were made.
    pub bookmarks: Vec<Bookmark>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    editions: BTreeMap<Fingerprint, EditionState>,
}

/// The reading state store, backed by `<dir>/bookmarks.json`.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    state: StateFile,
}

impl Store {
    /// Opens the store in `dir` (created on the first save). Never fails: a
    /// missing file gives an empty store; a corrupt one is moved aside to
    /// `bookmarks.json.corrupt-<secs>` and reported in the returned warnings.
    pub fn open(dir: &Path) -> (Store, Vec<String>) {
        let path = dir.join(FILE_NAME);
        let mut warnings = Vec::new();
        let state = match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<StateFile>(&bytes) {
                Ok(state) => state,
                Err(err) => {
                    let aside = path.with_extension(format!("json.corrupt-{}", now()));
                    let _ = std::fs::rename(&path, &aside);
                    warnings.push(format!(
                        "{}: unreadable ({err}); kept as {}",
                        path.display(),
                        aside.display()
                    ));
                    StateFile::default()
                }
            },
            Err(_) => StateFile::default(),
        };
        (
            Store {
                dir: dir.to_owned(),
                state,
            },
            warnings,
        )
    }

    /// The state kept for `edition`, if any.
    pub fn edition(&self, edition: &Fingerprint) -> Option<&EditionState> {
        self.state.editions.get(edition)
    }

    /// Adds a bookmark to `edition` (last opened from `path`) and saves.
    pub fn add_bookmark(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        bookmark: Bookmark,
    ) -> Result<(), StoreError> {
        let entry = self.entry(edition, path);
        entry.bookmarks.push(bookmark);
        self.save()
    }

    /// Removes the bookmark with `id` from `edition` and saves.
    pub fn remove_bookmark(&mut self, edition: &Fingerprint, id: &str) -> Result<(), StoreError> {
        if let Some(entry) = self.state.editions.get_mut(edition) {
            entry.bookmarks.retain(|b| b.id != id);
        }
        self.save()
    }

    /// Records the reading position in `edition` and saves.
    pub fn set_position(
        &mut self,
        edition: &Fingerprint,
        path: Option<&str>,
        position: Position,
    ) -> Result<(), StoreError> {
        self.entry(edition, path).position = Some(position);
        self.save()
    }

    fn entry(&mut self, edition: &Fingerprint, path: Option<&str>) -> &mut EditionState {
        let entry = self.state.editions.entry(edition.clone()).or_default();
        if let Some(path) = path {
            entry.path = Some(path.to_owned());
        }
        entry
    }

    fn save(&mut self) -> Result<(), StoreError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| StoreError::Io { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        self.state.version = VERSION;
        let json = serde_json::to_vec_pretty(&self.state).expect("state serialises");
        let target = self.dir.join(FILE_NAME);
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir).map_err(io(&self.dir))?;
        tmp.write_all(&json).map_err(io(tmp.path()))?;
        tmp.as_file().sync_data().map_err(io(&target))?;
        tmp.persist(&target).map_err(|e| StoreError::Io {
            path: target,
            source: e.error,
        })?;
        Ok(())
    }
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
