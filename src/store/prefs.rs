//! The reader's preferences, kept beside the state file in the data
//! directory (`prefs.json`), so that they survive a restart: for now the
//! bookmark sidebar's order (`s`). They are one small file of their own,
//! not part of `bookmarks.json`: a preference is the last word of whoever
//! set it, with nothing to merge between readers.
//!
//! Written as the state file is: a temporary file in the same directory,
//! synced, then renamed over the old one. A file that is missing or cannot
//! be read gives the defaults.

use std::io::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::order::Order;

/// The file's name in the data directory.
pub const FILE: &str = "prefs.json";

/// The kept preferences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    /// The bookmark sidebar's order.
    #[serde(default)]
    pub sidebar_order: Order,
}

/// The preferences kept in `dir`; the defaults when there are none or the
/// file cannot be read.
pub fn load(dir: &Path) -> Prefs {
    std::fs::read_to_string(dir.join(FILE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps `prefs` in `dir` (created if missing), atomically.
///
/// # Errors
/// The directory or the file could not be written.
pub fn save(dir: &Path, prefs: &Prefs) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    let text = serde_json::to_string_pretty(prefs).map_err(std::io::Error::other)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_data()?;
    file.persist(dir.join(FILE)).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn prefs_round_trip_and_default_when_missing_or_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        assert_eq!(load(&data), Prefs::default());
        let prefs = Prefs {
            sidebar_order: Order::Time,
        };
        save(&data, &prefs).unwrap();
        assert_eq!(load(&data), prefs);
        std::fs::write(data.join(FILE), "not json").unwrap();
        assert_eq!(load(&data), Prefs::default());
    }
}
