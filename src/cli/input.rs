//! Reading the edition file named on the command line, refusing what is not
//! a text edition before it reaches the decoder: directories, files over
//! [`MAX_BYTES`], empty files and binary data.
//!
//! Every error carries the path, so `main` can print the one-line
//! `newsreader: <path>: <reason>` message.

use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The largest edition accepted, in bytes (1 GiB). A day's paper as text is
/// a few hundred KiB; anything bigger is a mistake and would exhaust memory.
pub const MAX_BYTES: u64 = 1 << 30;

/// How many leading bytes [`looks_binary`] inspects.
const SNIFF_BYTES: usize = 64 * 1024;

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
}

/// An `io::Error` as a short reason, without the `(os error N)` suffix.
fn reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// Reads the edition at `path`: at most [`MAX_BYTES`] bytes (guarding
/// against special files that never end).
///
/// # Errors
/// [`InputError`] for a missing, unreadable, directory, oversized, empty or
/// binary file.
pub fn read_edition(path: &Path) -> Result<Vec<u8>, InputError> {
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
    if metadata.len() > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty {
            path: path.to_owned(),
        });
    }
    if looks_binary(&bytes) {
        return Err(InputError::Binary {
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// True when the first 64 KiB of `bytes` hold a NUL byte (the test `git`
/// and `ripgrep` use) or more than 10% C0 control bytes other than tab,
/// line feed, form feed, carriage return and escape. Text in any of the
/// encodings we decode (UTF-8, GBK, GB18030, Big5, UTF-16 aside) has
/// neither.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn nul_byte_means_binary() {
        assert!(looks_binary(b"abc\0def"));
    }

    #[test]
    fn cjk_text_with_form_feeds_is_not_binary() {
        let text = "本报讯 7月26日，市委常委会\n\u{c}会议暨市委\r\n".as_bytes();
        assert!(!looks_binary(text));
    }

    #[test]
    fn mostly_control_bytes_mean_binary() {
        let bytes: Vec<u8> = (1u8..=8).cycle().take(100).collect();
        assert!(looks_binary(&bytes));
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
        let err = read_edition(dir.path()).unwrap_err();
        assert!(matches!(err, InputError::Directory { .. }));
        assert!(
            err.to_string()
                .starts_with(&dir.path().display().to_string())
        );
    }
}
