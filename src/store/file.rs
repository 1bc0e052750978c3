//! The state file on disk: reading and classifying it (current, older,
//! newer, corrupt), moving a corrupt file aside, the advisory lock, and the
//! atomic write (temp file in the same directory, `sync_data`, rename,
//! directory fsync).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::notice::{Notice, file_name, kind};
use super::{FILE_NAME, LOCK_NAME, StateFile, StoreError, VERSION, merge, migrate};

/// Temp files are named `.bookmarks.json.<random>.tmp`, so that leftovers of
/// a killed writer are recognisable and can be removed under the lock.
const TEMP_PREFIX: &str = ".bookmarks.json.";
const TEMP_SUFFIX: &str = ".tmp";

/// What [`open`] found.
pub(super) struct Opened {
    pub state: StateFile,
    pub warnings: Vec<Notice>,
    pub read_only: Option<String>,
}

/// Why a save did not happen.
#[derive(Debug)]
pub(super) enum SaveError {
    /// The file on disk has a newer schema (this one); the store must turn
    /// read-only, for the reason given.
    Newer(String, u64),
    /// Writing failed; retry on the next change.
    Io(StoreError),
}

/// The state file as found on disk.
enum Disk {
    Missing,
    State {
        state: StateFile,
        migrated_from: Option<u32>,
    },
    Newer {
        version: u64,
        state: Option<StateFile>,
    },
    Corrupt(String),
    Unreadable(io::Error),
}

/// Loads `<dir>/bookmarks.json` (see [`super::Store::open`]).
pub(super) fn open(dir: &Path) -> Opened {
    let path = state_path(dir);
    // Taken only if the directory exists and is writable; reading alone is
    // safe without it because every write is an atomic rename.
    let _lock = dir.is_dir().then(|| Lock::acquire(dir).ok()).flatten();
    let mut opened = Opened {
        state: StateFile::default(),
        warnings: Vec::new(),
        read_only: None,
    };
    match read_disk(&path) {
        Disk::Missing => {}
        Disk::State { state, .. } => opened.state = state,
        Disk::Newer { version, state } => {
            let reason = newer_reason(&path, version);
            opened.warnings.push(newer_notice(&reason, version));
            opened.read_only = Some(reason);
            opened.state = state.unwrap_or_default();
        }
        Disk::Corrupt(why) => corrupt(&path, &why, &mut opened),
        Disk::Unreadable(err) => {
            let reason = format!(
                "{}: can't read it ({err}); bookmarks won't be saved this session",
                path.display()
            );
            opened.warnings.push(Notice {
                status: format!(
                    "can't read {FILE_NAME} ({}); bookmarks won't be saved",
                    kind(&err)
                ),
                detail: reason.clone(),
            });
            opened.read_only = Some(reason);
        }
    }
    opened
}

/// A corrupt state file at `path` (`why`): moved aside, and the reader
/// starts with no bookmarks; or, when it cannot be moved, kept and the
/// store read-only. Either is said in `opened`'s warnings.
fn corrupt(path: &Path, why: &str, opened: &mut Opened) {
    match move_aside(path) {
        Ok(aside) => opened.warnings.push(Notice {
            status: format!(
                "{FILE_NAME} unreadable; moved aside to {}",
                file_name(&aside)
            ),
            detail: format!(
                "{}: {why}; moved aside to {}; starting with no bookmarks",
                path.display(),
                aside.display()
            ),
        }),
        Err(err) => {
            let reason = format!(
                "{}: {why}, and it could not be moved aside ({err}); bookmarks won't be saved this session",
                path.display()
            );
            opened.warnings.push(Notice {
                status: format!(
                    "{FILE_NAME} is unreadable and can't be moved aside; bookmarks won't be saved"
                ),
                detail: reason.clone(),
            });
            opened.read_only = Some(reason);
        }
    }
}

/// Saves `state` into `dir`: under the lock, merges the file on disk into
/// `state`, prunes old tombstones, and writes atomically. When the result
/// is what the file already holds (current schema), nothing is written:
/// no rename, no fsync, and other readers' views stay valid. Returns
/// messages for the user (a corrupt file met and moved aside).
pub(super) fn save(dir: &Path, state: &mut StateFile) -> Result<Vec<Notice>, SaveError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| SaveError::Io(StoreError::Io { path, source })
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    let lock = Lock::acquire(dir).map_err(io(&dir.join(LOCK_NAME)))?;
    remove_stale_temps(dir);
    let path = state_path(dir);
    if parent(&path) != dir {
        remove_temps(parent(&path), FOREIGN_TEMP_AGE);
    }
    let mut messages = Vec::new();
    let mut on_disk = None;
    match read_disk(&path) {
        Disk::Missing => {}
        Disk::State {
            state: disk,
            migrated_from,
        } => {
            if let Some(version) = migrated_from {
                keep_original(&path, version).map_err(io(&path))?;
            } else {
                on_disk = Some(disk.clone());
            }
            merge::merge(state, disk);
        }
        Disk::Newer { version, .. } => {
            return Err(SaveError::Newer(newer_reason(&path, version), version));
        }
        Disk::Corrupt(why) => {
            let aside = move_aside(&path).map_err(io(&path))?;
            messages.push(Notice {
                status: format!(
                    "{FILE_NAME} unreadable; moved aside to {}",
                    file_name(&aside)
                ),
                detail: format!(
                    "{}: {why}; moved aside to {}",
                    path.display(),
                    aside.display()
                ),
            });
        }
        Disk::Unreadable(err) => return Err(io(&path)(err)),
    }
    merge::prune(state, super::clock::now_ms());
    state.version = VERSION;
    if on_disk.as_ref() == Some(&*state) {
        return Ok(messages);
    }
    let json = serde_json::to_vec_pretty(state).map_err(|e| io(&path)(e.into()))?;
    write_atomic(parent(&path), &path, &json).map_err(io(&path))?;
    drop(lock);
    Ok(messages)
}

/// Reads the file under the lock and returns `state` merged with it, without
/// writing. A file that is missing, corrupt or newer leaves `state` as is.
pub(super) fn read_merged(dir: &Path, state: &StateFile) -> io::Result<(StateFile, Vec<Notice>)> {
    let _lock = dir.is_dir().then(|| Lock::acquire(dir).ok()).flatten();
    let mut merged = state.clone();
    let mut messages = Vec::new();
    match read_disk(&state_path(dir)) {
        Disk::State { state: disk, .. } => merge::merge(&mut merged, disk),
        Disk::Missing | Disk::Newer { .. } => {}
        Disk::Corrupt(why) => messages.push(Notice {
            status: format!("{FILE_NAME} is unreadable; it will be moved aside on the next save"),
            detail: format!("bookmarks: {FILE_NAME}: {why}"),
        }),
        Disk::Unreadable(err) => return Err(err),
    }
    Ok((merged, messages))
}

/// The notice for a state file of a newer schema, `reason` its full form.
pub(super) fn newer_notice(reason: &str, version: u64) -> Notice {
    Notice {
        status: format!(
            "{FILE_NAME} is from a newer newsreader (schema {version}); bookmarks are read-only"
        ),
        detail: reason.to_owned(),
    }
}

fn newer_reason(path: &Path, version: u64) -> String {
    format!(
        "{} was written by a newer newsreader (schema version {version}; this one knows up to {VERSION}); it is left untouched and bookmarks are read-only this session",
        path.display()
    )
}

fn read_disk(path: &Path) -> Disk {
    match fs::read(path) {
        Ok(bytes) => classify(&bytes),
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Disk::Missing
        }
        Err(err) => Disk::Unreadable(err),
    }
}

/// Classifies the bytes of a state file by its `version` field.
fn classify(bytes: &[u8]) -> Disk {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Disk::Corrupt("the file is empty".to_owned());
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(err) => return Disk::Corrupt(format!("not valid JSON ({err})")),
    };
    let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) else {
        return Disk::Corrupt("no valid schema version".to_owned());
    };
    if version > u64::from(VERSION) {
        let state = serde_json::from_value(value).ok();
        return Disk::Newer { version, state };
    }
    let parsed = match version {
        1 => migrate::from_v1(value).map(|state| (state, Some(1))),
        2 => serde_json::from_value(value).map(|state| (state, None)),
        _ => return Disk::Corrupt(format!("unknown schema version {version}")),
    };
    match parsed {
        Ok((state, migrated_from)) => Disk::State {
            state,
            migrated_from,
        },
        Err(err) => Disk::Corrupt(format!("not a bookmarks file ({err})")),
    }
}

/// Renames `path` to `<path>.corrupt-<secs>` (with `-2`, `-3`, … if taken).
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let base = format!("{}.corrupt-{}", path.display(), super::now());
    for n in 1..1000 {
        let aside = if n == 1 {
            PathBuf::from(&base)
        } else {
            PathBuf::from(format!("{base}-{n}"))
        };
        if !aside.exists() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many corrupt copies already",
    ))
}

/// Copies a file of an older schema to `<path>.v<version>` before it is first
/// overwritten, unless such a copy exists already.
fn keep_original(path: &Path, version: u32) -> io::Result<()> {
    let copy = PathBuf::from(format!("{}.v{version}", path.display()));
    if copy.exists() {
        return Ok(());
    }
    let bytes = fs::read(path)?;
    write_atomic(parent(path), &copy, &bytes)
}

/// The state file of `dir`: `<dir>/bookmarks.json`, or, when that is a
/// symbolic link (dotfiles, a synced folder), the file it points to, so that
/// a save replaces the link's target and keeps the link. Links to links are
/// followed (at most 40, as the kernel does); a link whose target does not
/// exist yet names that target, which the first save creates.
pub(super) fn state_path(dir: &Path) -> PathBuf {
    let mut path = dir.join(FILE_NAME);
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&path) else {
            break;
        };
        // A relative target is relative to the link's directory.
        path = parent(&path).join(target);
    }
    path
}

/// The directory holding `path` (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically: a temp file in `dir`, `sync_data`,
/// rename over `path`, then an fsync of `dir` so the rename itself is durable.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Fsyncs a directory so a rename in it survives a power cut (POSIX). Best
/// effort: some file systems refuse to fsync a directory, and the rename
/// itself has already happened.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes temp files a killed writer left behind. Called under the lock, when
/// no other writer can be between creating and renaming its temp file.
fn remove_stale_temps(dir: &Path) {
    remove_temps(dir, Duration::ZERO);
}

/// How old a temp file beside a symlinked state file's target must be to be
/// removed: that directory may be shared by readers of other data
/// directories (other locks), whose saves take milliseconds.
const FOREIGN_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Removes our temp files in `dir` last modified at least `age` ago.
fn remove_temps(dir: &Path, age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old_enough = age.is_zero()
            || entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|e| e >= age));
        if old_enough {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// How long to wait for another reader's lock before giving up on this save
/// (it is retried on the next change). Another reader holds it only for one
/// read-merge-write, a few milliseconds; waiting longer would freeze the UI
/// behind a hung process.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// An exclusive advisory lock on `<dir>/bookmarks.lock`, held until dropped.
struct Lock(File);

impl Lock {
    /// Takes the lock, waiting up to [`LOCK_WAIT`]; a `TimedOut` error when
    /// another reader held it all that time.
    fn acquire(dir: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(dir.join(LOCK_NAME))?;
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "another newsreader kept bookmarks.lock too long",
                    ));
                }
                Err(TryLockError::Error(err)) => return Err(err),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::os::unix::fs::MetadataExt as _;

    use super::*;
    use crate::edition::Fingerprint;
    use crate::store::EditionState;

    fn state() -> StateFile {
        let mut state = StateFile::default();
        state.editions.insert(
            Fingerprint("e".to_owned()),
            EditionState {
                path: Some("/papers/today.txt".to_owned()),
                titles: vec!["标题".to_owned()],
                ..EditionState::default()
            },
        );
        state
    }

    #[test]
    fn saving_what_the_file_already_holds_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        let mut mine = state();
        save(dir.path(), &mut mine).unwrap();
        let before = fs::metadata(&file).unwrap();
        // Every write is a rename of a new file over the old: a new inode.
        // (Checked after each save: a freed inode number can come back.)
        save(dir.path(), &mut mine).unwrap();
        assert_eq!(fs::metadata(&file).unwrap().ino(), before.ino());
        let mut again = state();
        save(dir.path(), &mut again).unwrap();
        assert_eq!(fs::metadata(&file).unwrap().ino(), before.ino());
        mine.editions
            .get_mut(&Fingerprint("e".to_owned()))
            .unwrap()
            .title = Some("无锡日报".to_owned());
        save(dir.path(), &mut mine).unwrap();
        assert_ne!(
            fs::metadata(&file).unwrap().ino(),
            before.ino(),
            "a change is written"
        );
    }
}
