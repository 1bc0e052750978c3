//! What the store tells the user: each [`Notice`] comes in two lengths,
//! a short one for the one-row status bar (file names only, at most
//! [`STATUS_COLUMNS`] columns with any path) and the full one, with whole
//! paths and the underlying error, for stderr once the terminal is
//! restored.

use std::fmt;
use std::io;
use std::path::Path;

/// The most columns a [`Notice::status`] takes: a 120-column status bar
/// less its `? help ` hint (7 columns and a gap) and the progress on its
/// left (` article 12/34  Page 12  100%`, 29 columns, and a two-column gap).
pub const STATUS_COLUMNS: usize = 120 - 8 - 29 - 2;

/// One message from the store, short and full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// For the status bar: one sentence naming files by name only.
    pub status: String,
    /// For stderr: the same with full paths and the underlying error.
    pub detail: String,
}

impl Notice {
    /// A notice whose short and full forms are the same text.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Notice {
            status: text.clone(),
            detail: text,
        }
    }
}

impl fmt::Display for Notice {
    /// The full form ([`Notice::detail`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

/// The last component of `path` (`bookmarks.json.corrupt-1764440000`), or
/// the whole path when it has none.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A short name for an I/O error (`permission denied`), without the OS
/// error number or path.
pub(super) fn kind(err: &io::Error) -> String {
    err.kind().to_string()
}
