//! A library of editions: the files named on the command line
//! (`newsreader DIR` or `newsreader FILE...`), each with a title and a date,
//! newest first, without parsing any of them.
//!
//! [`Library::scan`] reads at most [`HEAD_BYTES`] of each file, to find the
//! masthead and the date printed in the page furniture; nothing is decoded
//! or parsed in full until the caller opens an entry (with
//! [`crate::edition::load`]), so a directory of a year's papers lists at
//! once.
//!
//! Which files a directory holds: its regular files (symlinks followed)
//! whose name ends in `.txt` (any case) and does not start with `.`. Only
//! the directory itself is listed, not subdirectories. `.txt` is what PDF
//! extractors write; taking every file would list stray PDFs, images and
//! notes. A file named explicitly is taken whatever its name. A file with
//! nothing to read is left out, whether found or named: one that cannot be
//! read, or whose text is empty or only whitespace (a zero-byte file, a lone
//! byte-order mark), or a binary file (judged from its first bytes by
//! [`looks_binary`], as a single FILE is; named in [`Library::skipped`]).
//! Listing it would only offer an entry that opens to an error, and `{`/`}`
//! would stop on it.
//!
//! Editions of the same title and date (three files of `2024-07-27 锡城日报`)
//! are told apart by [`LibraryEntry::detail`]: the file name and the number
//! of pages, and by the number of articles once the edition has been opened
//! ([`LibraryEntry::label`]).
//!
//! Where the date comes from, in order of preference ([`DateSource`]): the
//! first date in the file's head (`2024年7月27日`, `2024-07-27`,
//! `July 27, 1916`); a date in the file name (`2024-07-27`, `20240727`);
//! the file's modification time (UTC).

mod date;
mod head;

use std::path::{Path, PathBuf};

use crate::edition::decode::looks_binary;
pub use date::{EditionDate, find_in_file_name, find_in_text};
pub use head::{HEAD_BYTES, decode_head, find_masthead, read_head, read_head_bytes};

/// Where an entry's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// Printed in the edition's first lines (the page furniture).
    Furniture,
    /// Written in the file name.
    FileName,
    /// The file's modification time.
    Modified,
}

/// One edition file of a [`Library`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    /// The file, as given or as joined onto the directory given.
    pub path: PathBuf,
    /// The masthead found in the head (`锡城日报`), else the file name
    /// without its extension.
    pub title: String,
    /// The edition's date, if any could be found (see the module doc).
    pub date: Option<EditionDate>,
    /// Where [`LibraryEntry::date`] came from; `None` when there is no date.
    pub date_source: Option<DateSource>,
    /// Unread articles, filled in by the caller from the reading state
    /// (`None` until it knows, e.g. for an edition never opened).
    pub unread: Option<usize>,
    /// How many articles the edition holds, filled in by the caller from the
    /// reading state (`None` for an edition never opened: counting them
    /// would mean parsing every file, and listing never parses).
    pub articles: Option<usize>,
    /// What tells this entry apart from others of the same title and date
    /// (`2024-07-27-b.txt, 4 pages`): the file name (the path as given when
    /// two share a name) and the number of pages (form-feed separated);
    /// `None` when no other entry has its title and date.
    pub detail: Option<String>,
}

impl LibraryEntry {
    /// The title as listed: [`LibraryEntry::title`], then
    /// [`LibraryEntry::detail`] after ` · ` when there is one, with the
    /// article count when it is known (`锡城日报 · b.txt, 2 pages, 4
    /// articles`).
    pub fn label(&self) -> String {
        match (&self.detail, self.articles) {
            (Some(detail), Some(1)) => format!("{} · {detail}, 1 article", self.title),
            (Some(detail), Some(n)) => format!("{} · {detail}, {n} articles", self.title),
            (Some(detail), None) => format!("{} · {detail}", self.title),
            (None, _) => self.title.clone(),
        }
    }
}

/// Why a library could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// A path given does not exist.
    #[error("{}: No such file or directory", path.display())]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A path given is neither a regular file nor a directory.
    #[error("{}: not a file or directory", path.display())]
    NotAFile {
        /// The path as given.
        path: PathBuf,
    },
    /// A directory or file's metadata could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Editions sorted by date, newest first (as a paper's archive is read;
/// entries with no date last), then by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The entries, in library order. The caller may set
    /// [`LibraryEntry::unread`]; it should not reorder them.
    pub entries: Vec<LibraryEntry>,
    /// Why paths given were left out (`path: No such file or directory`),
    /// when others could be listed.
    pub skipped: Vec<String>,
}

impl Library {
    /// Lists the editions at `paths`: each directory's edition files (see
    /// the module doc) and each file given. A file listed twice appears
    /// once. A file that cannot be read, or holds only whitespace, is left
    /// out (see the module doc). A path that does not exist or cannot be
    /// listed is left out too, with the reason in [`Library::skipped`], as
    /// long as another path could be listed (`less` too goes on to the
    /// files it can open). A binary file is left out and named in
    /// [`Library::skipped`] unless `encoding_forced` (`--encoding`: UTF-16
    /// without a byte-order mark looks binary). An empty result is not an
    /// error.
    ///
    /// Cost: two `stat`s and one read of at most [`HEAD_BYTES`] per file,
    /// and one whole read of each file that shares its title and date with
    /// another (to count its pages).
    ///
    /// # Errors
    /// When no path given could be listed, the first path's error:
    /// [`LibraryError::NotFound`] for a path that does not exist,
    /// [`LibraryError::NotAFile`] for one that is neither file nor
    /// directory, [`LibraryError::Io`] when a directory cannot be listed.
    pub fn scan<P: AsRef<Path>>(paths: &[P]) -> Result<Library, LibraryError> {
        Library::scan_with(paths, false)
    }

    /// [`Library::scan`], without the binary test when `encoding_forced`.
    ///
    /// # Errors
    /// As [`Library::scan`].
    pub fn scan_with<P: AsRef<Path>>(
        paths: &[P],
        encoding_forced: bool,
    ) -> Result<Library, LibraryError> {
        let mut files: Vec<PathBuf> = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if let Err(error) = collect(path.as_ref(), &mut files) {
                errors.push(error);
            }
        }
        if errors.len() == paths.len() && !errors.is_empty() {
            return Err(errors.swap_remove(0));
        }
        let mut skipped: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let mut seen = std::collections::HashSet::new();
        files.retain(|f| seen.insert(f.clone()));
        let mut entries = Vec::with_capacity(files.len());
        for file in &files {
            match describe(file, encoding_forced) {
                Described::Entry(entry) => entries.push(entry),
                Described::Binary => skipped.push(format!(
                    "{}: binary file, not a text edition",
                    file.display()
                )),
                Described::Nothing => {}
            }
        }
        entries.sort_by(|a, b| {
            let key = |e: &LibraryEntry| (e.date.is_none(), std::cmp::Reverse(e.date));
            key(a).cmp(&key(b)).then_with(|| a.path.cmp(&b.path))
        });
        tell_apart(&mut entries);
        Ok(Library { entries, skipped })
    }

    /// The number of editions.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no edition.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The index of the entry for `path` (compared as given), if any.
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// The entry after `index` (`}`), or `None` at the last one.
    pub fn next(&self, index: usize) -> Option<usize> {
        let next = index.checked_add(1)?;
        (next < self.entries.len()).then_some(next)
    }

    /// The entry before `index` (`{`), or `None` at the first one.
    pub fn previous(&self, index: usize) -> Option<usize> {
        index.checked_sub(1).filter(|&i| i < self.entries.len())
    }
}

/// Adds `path` (a file) or its edition files (a directory) to `files`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), LibraryError> {
    let metadata = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LibraryError::NotFound {
            path: path.to_owned(),
        },
        _ => LibraryError::Io {
            path: path.to_owned(),
            source,
        },
    })?;
    if metadata.is_file() {
        files.push(path.to_owned());
        return Ok(());
    }
    if !metadata.is_dir() {
        return Err(LibraryError::NotAFile {
            path: path.to_owned(),
        });
    }
    let io_error = |source| LibraryError::Io {
        path: path.to_owned(),
        source,
    };
    let mut found: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(path).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let file = entry.path();
        if is_edition_name(&entry.file_name())
            && std::fs::metadata(&file).is_ok_and(|m| m.is_file())
        {
            found.push(file);
        }
    }
    found.sort();
    files.append(&mut found);
    Ok(())
}

/// True for a file name a directory scan takes: `*.txt` (any case), not
/// hidden.
fn is_edition_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    !name.starts_with('.')
        && Path::new(name.as_ref())
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// How many lines from the top of a file are searched for the furniture
/// date, so that a date in an article further down is not taken for it.
pub const FURNITURE_LINES: usize = 40;

/// What [`describe`] made of a file.
enum Described {
    /// An edition to list.
    Entry(LibraryEntry),
    /// A binary file, left out.
    Binary,
    /// Nothing to read (unreadable, or whitespace only), left out.
    Nothing,
}

/// The entry for one file: title and date from its head, name or time; or
/// why it is left out: nothing to read (unreadable, or whitespace only), or
/// binary data (unless `encoding_forced`).
fn describe(path: &Path, encoding_forced: bool) -> Described {
    let Ok(bytes) = read_head_bytes(path) else {
        return Described::Nothing;
    };
    let head = decode_head(&bytes);
    let whole_head = std::fs::metadata(path).is_ok_and(|m| m.len() <= HEAD_BYTES as u64);
    if whole_head && head.trim().is_empty() {
        return Described::Nothing;
    }
    if !encoding_forced && looks_binary(&bytes) {
        return Described::Binary;
    }
    let furniture: String = head
        .lines()
        .take(FURNITURE_LINES)
        .collect::<Vec<_>>()
        .join("\n");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = find_masthead(&head).unwrap_or_else(|| stem.clone());
    let dated = find_in_text(&furniture)
        .map(|d| (d, DateSource::Furniture))
        .or_else(|| find_in_file_name(&stem).map(|d| (d, DateSource::FileName)))
        .or_else(|| {
            let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
            EditionDate::from_system_time(modified).map(|d| (d, DateSource::Modified))
        });
    Described::Entry(LibraryEntry {
        path: path.to_owned(),
        title,
        date: dated.map(|(d, _)| d),
        date_source: dated.map(|(_, s)| s),
        unread: None,
        articles: None,
        detail: None,
    })
}

/// Gives every entry that shares its title and date with another a
/// [`LibraryEntry::detail`]: its file name (the path as given if another of
/// them has the same name) and its page count.
fn tell_apart(entries: &mut [LibraryEntry]) {
    let key = |e: &LibraryEntry| (e.title.clone(), e.date);
    let mut groups: std::collections::HashMap<_, Vec<usize>> = std::collections::HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        groups.entry(key(entry)).or_default().push(i);
    }
    for group in groups.values().filter(|g| g.len() > 1) {
        let name = |i: usize| {
            entries[i]
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let names: Vec<String> = group.iter().map(|&i| name(i)).collect();
        for (&i, own) in group.iter().zip(&names) {
            let shared = names.iter().filter(|n| *n == own).count() > 1;
            let shown = if shared {
                entries[i].path.display().to_string()
            } else {
                own.clone()
            };
            let detail = match page_count(&entries[i].path) {
                Some(1) => format!("{shown}, 1 page"),
                Some(pages) => format!("{shown}, {pages} pages"),
                None => shown,
            };
            entries[i].detail = Some(detail);
        }
    }
}

/// The number of pages of the edition at `path`: its form-feed separated
/// parts that hold any text. `None` if it cannot be read.
fn page_count(path: &Path) -> Option<usize> {
    let bytes = std::fs::read(path).ok()?;
    let pages = bytes
        .split(|&b| b == 0x0C)
        .filter(|page| page.iter().any(|b| !b.is_ascii_whitespace()))
        .count();
    Some(pages.max(1))
}
