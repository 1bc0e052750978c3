//! Opening one edition for the reader: read the file ([`super::input`]),
//! decode and parse it, find its saved state in the store, and build the
//! [`App`] with its bookmarks, read marks and reading position.
//!
//! Used for a single `FILE` and for each edition a library opens (only
//! when it is opened, so a directory of a year's papers starts at once).

use std::path::Path;

use anyhow::bail;

use crate::app::{App, HelpEntry, Settings};
use crate::edition::{self, LoadOptions};
use crate::store::{Notice, Store};

/// What every opened edition shares.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Typesetting, measure, theme and search settings.
    pub settings: Settings,
    /// A forced encoding (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Open at the saved reading position (not with `--no-resume`).
    pub resume: bool,
    /// The help overlay's lines, from the live key map.
    pub help: Vec<HelpEntry>,
}

/// An edition opened for reading.
#[derive(Debug)]
pub struct Opened {
    /// The reader's state for it.
    pub app: App,
    /// Its path as given, recorded with its state.
    pub source: String,
    /// Store and parse warnings, each short (file name only, for the
    /// status bar) and full (path included, for stderr).
    pub warnings: Vec<Notice>,
}

/// Opens the edition at `path`, identified in `store` (re-keying state kept
/// under an older fingerprint of the same edition).
///
/// # Errors
/// Any [`super::input::InputError`] for the file, and an edition in which
/// no article was found.
pub fn open(path: &Path, options: &ReaderOptions, store: &mut Store) -> anyhow::Result<Opened> {
    let bytes = super::input::read_edition(path, options.encoding.is_some())?;
    let source = path.to_string_lossy().into_owned();
    let load = LoadOptions {
        encoding: options.encoding,
    };
    let (edition, fingerprint) = edition::load(&bytes, Some(&source), &load);
    drop(bytes);
    if edition.article_count() == 0 {
        bail!("{source}: no articles found");
    }
    store.identify(&fingerprint, &edition);
    let mut warnings = store.take_messages();
    let name = path
        .file_name()
        .map_or_else(|| source.clone(), |n| n.to_string_lossy().into_owned());
    warnings.extend(edition.warnings.iter().map(|w| Notice {
        status: format!("{name}: {w}"),
        detail: format!("{source}: {w}"),
    }));
    let saved = store.edition(&fingerprint).cloned().unwrap_or_default();
    let mut app = App::new(
        edition,
        fingerprint,
        options.settings,
        saved.bookmarks.clone(),
    );
    app.set_help(options.help.clone());
    app.load_read_marks(&saved);
    if options.resume {
        app.resume(&saved);
    }
    if let Some(first) = warnings.first() {
        app.notify(first.status.clone());
    }
    Ok(Opened {
        app,
        source,
        warnings,
    })
}
