//! Reading the edition file named on the command line, refusing what is not
//! a text edition before it reaches the decoder: directories, files over
//! [`MAX_BYTES`], empty files and binary data.
//!
//! Every error carries the path, so `main` can print the one-line
//! `newsreader: <path>: <reason>` message.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::edition::decode::{BINARY_SNIFF_BYTES, looks_binary};
use crate::edition::is_pdf;
#[cfg(feature = "pdf")]
use crate::edition::pdf::PdfError;

/// The largest edition accepted, in bytes (1 GiB). A day's paper as text is
/// a few hundred KiB; anything bigger is a mistake and would exhaust memory.
pub const MAX_BYTES: u64 = 1 << 30;

/// Why an edition file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: {}", path.display(), reason(cause))]
    Io {
        /// The file named on the command line.
        path: PathBuf,
        /// The underlying error (not a `source`: its text is already in
        /// this error's one line).
        cause: std::io::Error,
    },
    /// The path names a directory.
    #[error("{}: is a directory", path.display())]
    Directory {
        /// The path named on the command line.
        path: PathBuf,
    },
    /// The path names a character or block device (`/dev/zero`, a disk),
    /// which would be read for ever or to [`MAX_BYTES`].
    #[error("{}: not a file", path.display())]
    Device {
        /// The path named on the command line.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_BYTES`].
    #[error("{}: file too large (over 1 GiB)", path.display())]
    TooLarge {
        /// The file named on the command line.
        path: PathBuf,
    },
    /// The file holds nothing but whitespace.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file named on the command line.
        path: PathBuf,
    },
    /// The file looks like binary data (see [`looks_binary`]).
    #[error("{}: binary file, not a text edition", path.display())]
    Binary {
        /// The file named on the command line.
        path: PathBuf,
    },
    /// The file is a PDF, and this build has no PDF support.
    #[cfg(not(feature = "pdf"))]
    #[error(
        "{}: a PDF edition (this build has no PDF support: build with --features pdf)",
        path.display()
    )]
    Pdf {
        /// The file named on the command line.
        path: PathBuf,
    },
    /// The file is a PDF that could not be read into an edition.
    #[cfg(feature = "pdf")]
    #[error("{}: {cause}", path.display())]
    Pdf {
        /// The file named on the command line.
        path: PathBuf,
        /// Why it could not be read.
        cause: PdfError,
    },
}

/// An edition file's bytes, told apart by their magic bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A text edition, to decode and parse.
    Text(Vec<u8>),
    /// A PDF edition (the file starts with `%PDF-`), to read with
    /// [`crate::edition::pdf`].
    Pdf(Vec<u8>),
}

/// Reads and parses the edition at `path`, text or PDF, whole, without
/// fingerprinting it (for `--dump`, which keeps no state).
///
/// # Errors
/// As [`read_edition`], and [`InputError::Pdf`] for a PDF that cannot be
/// read.
pub fn load(
    path: &Path,
    options: &crate::edition::LoadOptions,
) -> Result<crate::edition::Edition, InputError> {
    let source = path.to_string_lossy();
    let source = (!is_stream(path)).then_some(source);
    match read_edition(path, options.encoding.is_some())? {
        Input::Text(bytes) => Ok(crate::edition::parse_owned(
            bytes,
            source.as_deref(),
            options,
        )),
        Input::Pdf(bytes) => load_pdf(&shown_path(path), bytes).map(|(edition, _)| edition),
    }
}

/// Loads a PDF edition's bytes, the error carrying `path`.
///
/// # Errors
/// [`InputError::Pdf`] for a PDF that cannot be read.
#[cfg(feature = "pdf")]
pub fn load_pdf(
    path: &Path,
    bytes: Vec<u8>,
) -> Result<(crate::edition::Edition, crate::edition::Fingerprint), InputError> {
    crate::edition::pdf::load(bytes, Some(&path.to_string_lossy())).map_err(|cause| {
        InputError::Pdf {
            path: path.to_owned(),
            cause,
        }
    })
}

/// Refuses a PDF edition: this build has no PDF support.
///
/// # Errors
/// Always [`InputError::Pdf`], saying to build with `--features pdf`.
#[cfg(not(feature = "pdf"))]
pub fn load_pdf(
    path: &Path,
    _bytes: Vec<u8>,
) -> Result<(crate::edition::Edition, crate::edition::Fingerprint), InputError> {
    Err(InputError::Pdf {
        path: path.to_owned(),
    })
}

/// An `io::Error` as a short reason (`No such file or directory`): without
/// the `(os error N)` suffix, and for an error that wraps another with a
/// path (as `tempfile`'s do: `… at path "/dir/.tmpXYZ"`), the wrapped
/// error's reason, so no temporary file's name reaches the user.
pub(crate) fn reason(err: &std::io::Error) -> String {
    let inner = err
        .get_ref()
        .and_then(|wrapped| std::error::Error::source(wrapped))
        .and_then(|source| source.downcast_ref::<std::io::Error>());
    if let Some(inner) = inner {
        return reason(inner);
    }
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// True when `bytes` hold no text but whitespace: ASCII whitespace only, or
/// a byte-order mark (UTF-8, UTF-16LE/BE) followed by text that decodes to
/// whitespace only (a lone `FF FE`). Decodes in chunks and stops at the
/// first other character, so a real edition costs a few KiB of decoding.
fn is_blank(bytes: &[u8]) -> bool {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return true;
    }
    let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) else {
        return false;
    };
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut rest = &bytes[bom..];
    let mut chunk = String::with_capacity(4096);
    loop {
        chunk.clear();
        let (result, read, _) = decoder.decode_to_string(rest, &mut chunk, true);
        if !chunk.chars().all(char::is_whitespace) {
            return false;
        }
        rest = &rest[read..];
        if result == encoding_rs::CoderResult::InputEmpty {
            return true;
        }
    }
}

/// True for a character or block device.
#[cfg(unix)]
fn is_device(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = metadata.file_type();
    kind.is_char_device() || kind.is_block_device()
}

/// Elsewhere devices are not told apart (and are guarded by [`MAX_BYTES`]).
#[cfg(not(unix))]
fn is_device(_metadata: &std::fs::Metadata) -> bool {
    false
}

/// The FILE that names standard input (`newsreader -`, as in `less -`).
pub const STDIN: &str = "-";

/// How standard input is named in messages (`newsreader: standard input:
/// binary file, not a text edition`).
pub const STDIN_NAME: &str = "standard input";

/// True when `path` names a stream rather than a file to read at once:
/// [`STDIN`], or a FIFO or socket, such as a shell's process substitution
/// gives (`newsreader <(pdftotext paper.pdf -)` names `/dev/fd/63`, a pipe).
/// A stream may take any time to arrive, so the reader reads it on a worker
/// thread behind a `reading…` screen (see [`super::open::open_stream`]).
pub fn is_stream(path: &Path) -> bool {
    path.as_os_str() == STDIN || std::fs::metadata(path).is_ok_and(|m| is_pipe(&m))
}

/// True for a FIFO or a socket.
#[cfg(unix)]
fn is_pipe(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = metadata.file_type();
    kind.is_fifo() || kind.is_socket()
}

/// Elsewhere pipes are not told apart: they are read as files.
#[cfg(not(unix))]
fn is_pipe(_metadata: &std::fs::Metadata) -> bool {
    false
}

/// Standard input's metadata (what it is: a pipe, a file, a device), or
/// `None` when it cannot be read.
#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd as _;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

/// True when standard input brings an edition: a pipe, a socket or a
/// regular file (`… | newsreader`, `newsreader < paper.txt`); not a
/// terminal, not `/dev/null`.
#[cfg(unix)]
pub fn stdin_has_input() -> bool {
    stdin_metadata().is_some_and(|m| is_pipe(&m) || m.is_file())
}

/// Elsewhere: whenever standard input is not a terminal.
#[cfg(not(unix))]
pub fn stdin_has_input() -> bool {
    use std::io::IsTerminal as _;
    !std::io::stdin().is_terminal()
}

/// True when standard input is a character or block device other than a
/// terminal (`newsreader - < /dev/zero`), refused as a named device is.
#[cfg(unix)]
fn stdin_is_device() -> bool {
    use std::io::IsTerminal as _;
    !std::io::stdin().is_terminal() && stdin_metadata().is_some_and(|m| is_device(&m))
}

/// Elsewhere devices are not told apart (and are guarded by [`MAX_BYTES`]).
#[cfg(not(unix))]
fn stdin_is_device() -> bool {
    false
}

/// The name of `path` in messages: [`STDIN_NAME`] for [`STDIN`], else the
/// path.
pub fn shown_path(path: &Path) -> PathBuf {
    if path.as_os_str() == STDIN {
        PathBuf::from(STDIN_NAME)
    } else {
        path.to_owned()
    }
}

/// Reads the edition at `path`: at most [`MAX_BYTES`] bytes (guarding
/// against special files that never end). [`STDIN`] reads standard input;
/// a FIFO is read as it comes (opening one waits for its writer). Devices
/// are refused before reading; a binary file is refused from its first
/// [`BINARY_SNIFF_BYTES`], before the rest is read (see [`read_from`]).
///
/// # Errors
/// [`InputError`] for a missing, unreadable, directory, device, oversized,
/// empty or binary file.
pub fn read_edition(path: &Path, encoding_forced: bool) -> Result<Input, InputError> {
    if path.as_os_str() == STDIN {
        if stdin_is_device() {
            return Err(InputError::Device {
                path: shown_path(path),
            });
        }
        return read_from(std::io::stdin().lock(), &shown_path(path), encoding_forced);
    }
    let io = |cause| InputError::Io {
        path: path.to_owned(),
        cause,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(InputError::Directory {
            path: path.to_owned(),
        });
    }
    if is_device(&metadata) {
        return Err(InputError::Device {
            path: path.to_owned(),
        });
    }
    if metadata.len() > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    read_from(file, path, encoding_forced)
}

/// Reads an edition from `reader` (a file or a pipe), `path` naming it in
/// errors: its head first, at most [`BINARY_SNIFF_BYTES`], to know a PDF by
/// its magic bytes and to refuse binary data ([`looks_binary`]) before the
/// rest is read or waited for; then the rest, at most [`MAX_BYTES`] in
/// all. The binary test is skipped when the user forced an encoding
/// (`encoding_forced`): whatever the bytes, they asked for them.
///
/// # Errors
/// [`InputError::Io`] for a read error, and [`InputError::Binary`],
/// [`InputError::TooLarge`] and [`InputError::Empty`].
pub fn read_from(
    reader: impl std::io::Read,
    path: &Path,
    encoding_forced: bool,
) -> Result<Input, InputError> {
    let mut reader = reader.take(MAX_BYTES + 1);
    let bytes = sniff(&mut reader, path, encoding_forced)?;
    read_rest(reader, bytes, path)
}

/// Reads the first [`BINARY_SNIFF_BYTES`] of `reader` and refuses binary
/// data (not a PDF, and unless `encoding_forced`).
///
/// # Errors
/// [`InputError::Io`] and [`InputError::Binary`].
fn sniff(
    reader: &mut impl std::io::Read,
    path: &Path,
    encoding_forced: bool,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(BINARY_SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|cause| InputError::Io {
            path: path.to_owned(),
            cause,
        })?;
    if !is_pdf(&bytes) && !encoding_forced && looks_binary(&bytes) {
        return Err(InputError::Binary {
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Appends the rest of `reader` (which must be limited to one byte over
/// [`MAX_BYTES`] in all) to `bytes`, the start already read, and tells a
/// PDF from text.
///
/// # Errors
/// [`InputError::Io`], [`InputError::TooLarge`] and [`InputError::Empty`].
fn read_rest(
    mut reader: impl std::io::Read,
    mut bytes: Vec<u8>,
    path: &Path,
) -> Result<Input, InputError> {
    reader
        .read_to_end(&mut bytes)
        .map_err(|cause| InputError::Io {
            path: path.to_owned(),
            cause,
        })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    if is_pdf(&bytes) {
        return Ok(Input::Pdf(bytes));
    }
    if is_blank(&bytes) {
        return Err(InputError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Input::Text(bytes))
}

/// A text edition file longer than its head: the first bytes, read and
/// checked (not binary, not blank, not a PDF), and the file, open to read
/// the rest ([`Head::read_rest`]) on another thread while the first frame
/// is made from the head.
pub struct Head {
    /// The first bytes of the file (as many as [`open_edition`] was asked
    /// for).
    pub bytes: Vec<u8>,
    /// The file's length when it was opened, in bytes.
    pub len: u64,
    path: PathBuf,
    rest: Box<dyn std::io::Read + Send>,
}

impl std::fmt::Debug for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Head")
            .field("bytes", &self.bytes.len())
            .field("len", &self.len)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Head {
    /// A head of `bytes`, read from the edition at `path`, whose rest
    /// `rest` gives (a file after its first bytes; any reader in tests).
    /// `len` is the whole length in bytes, as far as known.
    pub fn new(
        bytes: Vec<u8>,
        len: u64,
        path: &Path,
        rest: impl std::io::Read + Send + 'static,
    ) -> Self {
        let limit = (MAX_BYTES + 1).saturating_sub(bytes.len() as u64);
        Head {
            bytes,
            len,
            path: path.to_owned(),
            rest: Box::new(rest.take(limit)),
        }
    }

    /// Reads the rest of the file and gives the whole of it.
    ///
    /// # Errors
    /// [`InputError::Io`] for a read error, [`InputError::TooLarge`] for a
    /// file that grew over [`MAX_BYTES`] meanwhile (never
    /// [`InputError::Empty`]: the head is not blank).
    pub fn read_rest(self) -> Result<Input, InputError> {
        let mut bytes = self.bytes;
        // Room for the whole file at once: read into a growing buffer, a
        // 50 MB file would be copied about ten times and could peak at
        // twice its size.
        let rest = usize::try_from(self.len).map_or(0, |len| len.saturating_sub(bytes.len()));
        bytes.reserve_exact(rest);
        read_rest(self.rest, bytes, &self.path)
    }
}

/// What [`open_edition`] read.
#[derive(Debug)]
pub enum Opening {
    /// The whole edition, read as [`read_edition`] reads it.
    Whole(Input),
    /// The head of a longer text edition, the rest still to read.
    Head(Head),
}

/// Opens the edition file at `path` for the reader: a file longer than
/// `head_bytes` is read only as far as its first `head_bytes` (the rest is
/// left to [`Head::read_rest`]), any other whole, as [`read_edition`]
/// does, with the same checks first (devices, directories, [`MAX_BYTES`],
/// binary data from the first [`BINARY_SNIFF_BYTES`]). A head that is a
/// PDF's, or blank (whitespace so far: the rest decides whether the file
/// is empty), is read on to the end: [`Opening::Whole`].
///
/// # Errors
/// As [`read_edition`].
pub fn open_edition(
    path: &Path,
    encoding_forced: bool,
    head_bytes: usize,
) -> Result<Opening, InputError> {
    if path.as_os_str() == STDIN {
        return read_edition(path, encoding_forced).map(Opening::Whole);
    }
    let io = |cause| InputError::Io {
        path: path.to_owned(),
        cause,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.len() <= head_bytes as u64 || metadata.is_dir() || !metadata.is_file() {
        return read_edition(path, encoding_forced).map(Opening::Whole);
    }
    if metadata.len() > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut reader = file.take(MAX_BYTES + 1);
    let mut bytes = sniff(&mut reader, path, encoding_forced)?;
    let more = head_bytes.saturating_sub(bytes.len()) as u64;
    (&mut reader)
        .take(more)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    // Shorter than the head after all (the file shrank), a PDF, or blank
    // so far: read on, and judge the whole.
    if bytes.len() < head_bytes || is_pdf(&bytes) || is_blank(&bytes) {
        return read_rest(reader, bytes, path).map(Opening::Whole);
    }
    let file = reader.into_inner();
    Ok(Opening::Head(Head::new(bytes, metadata.len(), path, file)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[cfg(not(feature = "pdf"))]
    #[test]
    fn pdf_without_the_feature_says_how_to_build_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paper.pdf");
        std::fs::write(&path, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj").unwrap();
        let err = load(&path, &crate::edition::LoadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: a PDF edition (this build has no PDF support: build with --features pdf)",
                path.display()
            )
        );
    }

    #[test]
    fn pdf_is_known_by_its_magic_bytes_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paper.txt");
        std::fs::write(&path, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj").unwrap();
        assert!(matches!(read_edition(&path, false), Ok(Input::Pdf(_))));
    }

    #[cfg(feature = "pdf")]
    #[test]
    fn truncated_pdf_is_one_line_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paper.pdf");
        std::fs::write(&path, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj").unwrap();
        let err = load(&path, &crate::edition::LoadOptions::default()).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with(&path.display().to_string()), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }

    #[test]
    fn forced_encoding_skips_the_binary_test() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("utf16.txt");
        std::fs::write(&path, b"a\0\0\x01b\0").unwrap();
        assert!(matches!(
            read_edition(&path, false),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(read_edition(&path, true), Ok(Input::Text(_))));
    }

    #[test]
    fn io_reason_drops_os_error_number() {
        let err = std::io::Error::from_raw_os_error(2);
        assert!(!reason(&err).contains("os error"));
        assert!(!reason(&err).is_empty());
    }

    #[test]
    fn directory_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_edition(dir.path(), false).unwrap_err();
        assert!(matches!(err, InputError::Directory { .. }));
        assert!(
            err.to_string()
                .starts_with(&dir.path().display().to_string())
        );
    }
}
