//! The bookmark modes of the command line: `--bookmarks` (text or `--json`)
//! lists every edition's bookmarks on stdout, `--export-bookmarks FILE.md`
//! writes them as Markdown. Both work from the store alone; no edition is
//! read. The formats are the store's ([`Store::bookmarks_text`],
//! [`Store::bookmarks_json`], [`Store::export_markdown`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::Store;

/// Why the Markdown file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", path.display(), super::input::reason(cause))]
pub struct ExportError {
    /// The file named by `--export-bookmarks`.
    pub path: PathBuf,
    /// The underlying error (not a `source`: its reason is already in this
    /// error's one line, and a temp file's name is left out of it).
    pub cause: std::io::Error,
}

/// Writes the listing of every bookmark to `out`: the plain text of
/// [`Store::bookmarks_text`], or with `json` the JSON array of
/// [`Store::bookmarks_json`] and a final newline.
///
/// # Errors
/// Errors writing to `out` (a broken pipe among them).
pub fn list(store: &Store, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", store.bookmarks_json())?;
    } else {
        out.write_all(store.bookmarks_text().as_bytes())?;
    }
    out.flush()
}

/// Writes [`Store::export_markdown`] to `path`, replacing the file if it
/// exists, and returns how many bookmarks it holds. The write is atomic: a
/// temp file in the same directory, `sync_data`, then a rename over `path`,
/// so a failure leaves any old file as it was, and no temp file. Temp files
/// that killed exports left in that directory are removed first. A new file gets mode 0644 on
/// Unix; a replaced one keeps its permissions.
///
/// # Errors
/// [`ExportError`] with `path` when the directory cannot be written or the
/// rename fails (e.g. `path` is a directory).
pub fn export(store: &Store, path: &Path) -> Result<usize, ExportError> {
    let fail = |cause| ExportError {
        path: path.to_owned(),
        cause,
    };
    let markdown = store.export_markdown();
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
    // Dropped (and so removed) on every error path below; only a killed
    // process leaves it, for the next export to remove.
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}.", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(markdown.as_bytes()).map_err(fail)?;
    temp.as_file().sync_data().map_err(fail)?;
    let permissions = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Some(meta.permissions()),
        _ => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.persist(path).map_err(|err| fail(err.error))?;
    Ok(store.all_bookmarks().len())
}

/// Export temp files are `.newsreader-export.<pid>.<random>.tmp`: the
/// writer's process id tells a killed export's leftovers from one running.
const TEMP_PREFIX: &str = ".newsreader-export.";
const TEMP_SUFFIX: &str = ".tmp";

/// How old an export temp file must be to be removed even when its writer
/// may still run (or its name carries no process id, as before they did):
/// an export writes a few megabytes at most, in well under a second.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Removes the temp files killed exports left in `dir`: ours by name, and
/// either older than [`STALE_AFTER`] or written by a process that is gone.
/// Best effort: what cannot be listed or removed is left.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(middle) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let old = meta
            .modified()
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= STALE_AFTER));
        let writer_gone = middle
            .split_once('.')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .is_some_and(|pid| pid != std::process::id() && !process_alive(pid));
        if old || writer_gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` runs, where that can be told without `unsafe`
/// (Linux's `/proc`); elsewhere every process counts as running, and only
/// age removes a temp file.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Permissions for a new export: readable by all (tempfile makes its files
/// 0600).
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere the temp file's permissions are kept.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}
