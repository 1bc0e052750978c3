//! [`ConfigError`]: everything that can be wrong with a config file, each
//! naming the file and, when it is about the content, the line (1-based)
//! and the key.

use std::path::PathBuf;

use super::keys::KeySpecError;

/// A config file that cannot be used. The `Display` text is one line,
/// `PATH:LINE: what is wrong` (or `PATH: what is wrong` when no line
/// applies); the binary prefixes `newsreader: ` and exits with status 2.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--config PATH` names a file that does not exist. (A missing file at
    /// the default location is not an error: defaults apply.)
    #[error("{}: no such config file", path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The file exists but cannot be read (permissions, not UTF-8, …).
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML (TOML 1.1 as the `toml` crate reads it).
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// The TOML parser's message.
        message: String,
    },
    /// A key that the config does not have (a typo such as `mesure`).
    #[error("{}:{line}: unknown key '{key}'", path.display())]
    UnknownKey {
        /// The file.
        path: PathBuf,
        /// 1-based line of the key.
        line: usize,
        /// The key, dotted when nested (`search.fold_variants`).
        key: String,
    },
    /// A known key with a value of the wrong type or out of range.
    #[error("{}:{line}: bad value for '{key}': expected {expected}, found {found}", path.display())]
    BadValue {
        /// The file.
        path: PathBuf,
        /// 1-based line of the value.
        line: usize,
        /// The key, dotted when nested.
        key: String,
        /// What the key takes (`one of dark, light, mono`).
        expected: String,
        /// What the file has, as TOML (`"blue"`, `10`, `an array`).
        found: String,
    },
    /// A `[keys]` entry whose key spec does not parse.
    #[error("{}:{line}: bad key '{spec}' for '{action}': {reason}", path.display())]
    BadKeySpec {
        /// The file.
        path: PathBuf,
        /// 1-based line of the spec.
        line: usize,
        /// The action the key was bound to.
        action: String,
        /// The spec as written.
        spec: String,
        /// Why it does not parse.
        reason: KeySpecError,
    },
    /// The same key bound to two actions in `[keys]`.
    #[error("{}:{line}: key '{key}' is bound to both '{first}' and '{second}'", path.display())]
    KeyConflict {
        /// The file.
        path: PathBuf,
        /// 1-based line of the second binding.
        line: usize,
        /// The key, in canonical spelling.
        key: String,
        /// The action bound first (in file order).
        first: String,
        /// The action bound second.
        second: String,
    },
    /// `[keys]` that leave neither `quit` nor `exit` a key: only a signal
    /// could end the reader (found by [`super::Config::check_can_quit`]).
    #[error("{}:{line}: no key left to quit: 'quit' and 'exit' have no keys", path.display())]
    NoWayToQuit {
        /// The file.
        path: PathBuf,
        /// 1-based line of the `quit` entry (else of `exit`).
        line: usize,
    },
    /// A `[keys]` entry naming an action the reader does not have (found
    /// by [`super::Config::validate_keys`]).
    #[error("{}:{line}: unknown action '{action}' in [keys]", path.display())]
    UnknownAction {
        /// The file.
        path: PathBuf,
        /// 1-based line of the entry.
        line: usize,
        /// The action name as written.
        action: String,
    },
}
