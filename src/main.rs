//! The `newsreader` binary: parse the command line, load the edition, then
//! dump it or run the reader; map errors to exit codes (1 for a failure,
//! 2 for a usage error, 0 on a broken pipe).

use std::io::IsTerminal as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Parser as _;

use newsreader::app::{App, Settings};
use newsreader::cli::{self, AmbiguousChoice, Args, DumpFormat, Environment, Mode, Options};
use newsreader::edition::{self, Edition, LoadOptions};
use newsreader::keymap::Keymap;
use newsreader::store::Store;
use newsreader::terminal::{self, Session};
use newsreader::typeset::{self, AmbiguousWidth};

fn main() -> ExitCode {
    let options = Args::parse().validate(&Environment::current());
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsreader: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> anyhow::Result<()> {
    match &options.mode {
        Mode::ListBookmarks { json } => return list_bookmarks(options, *json),
        Mode::ExportBookmarks(path) => return export_bookmarks(options, path),
        Mode::Interactive | Mode::Dump(_) => {}
    }
    let bytes = cli::input::read_edition(&options.file, options.encoding.is_some())?;
    let source = options.file.to_string_lossy().into_owned();
    let load = LoadOptions {
        encoding: options.encoding,
    };
    let (edition, fingerprint) = edition::load(&bytes, Some(&source), &load);
    drop(bytes);
    // Resolved only when needed: `auto` may ask the terminal.
    let typeset = || typeset::Options {
        ambiguous: ambiguous_width(options.ambiguous),
        justify: options.justify,
    };
    match options.mode {
        Mode::Dump(format) => {
            warn(&source, &edition.warnings);
            let mut out = std::io::stdout().lock();
            match format {
                DumpFormat::Json => cli::dump::json(&edition, &mut out)?,
                DumpFormat::Text => {
                    cli::dump::text(&edition, options.width, &typeset(), &mut out)?;
                }
            }
            Ok(())
        }
        Mode::Interactive => {
            if edition.article_count() == 0 {
                bail!("{source}: no articles found");
            }
            read(options, edition, fingerprint, typeset())
        }
        Mode::ListBookmarks { .. } | Mode::ExportBookmarks(_) => Ok(()),
    }
}

/// The state directory, or the error saying how to give one.
fn data_dir(options: &Options) -> anyhow::Result<&std::path::Path> {
    options
        .data_dir
        .as_deref()
        .context("no data directory found: give one with --data-dir")
}

/// `--bookmarks [--json]`: prints every edition's bookmarks.
fn list_bookmarks(options: &Options, json: bool) -> anyhow::Result<()> {
    let (store, warnings) = Store::open(data_dir(options)?);
    warn_all(&warnings);
    let mut out = std::io::stdout().lock();
    cli::bookmarks::list(&store, json, &mut out)?;
    Ok(())
}

/// `--export-bookmarks FILE.md`: writes every edition's bookmarks as
/// Markdown.
fn export_bookmarks(options: &Options, path: &std::path::Path) -> anyhow::Result<()> {
    let (store, warnings) = Store::open(data_dir(options)?);
    warn_all(&warnings);
    let count = cli::bookmarks::export(&store, path)?;
    println!("{count} bookmarks written to {}", path.display());
    Ok(())
}

/// Prints store warnings on stderr, one line each.
fn warn_all(warnings: &[String]) {
    for warning in warnings {
        eprintln!("newsreader: {warning}");
    }
}

/// Runs the terminal reader on a loaded edition.
fn read(
    options: &Options,
    edition: Edition,
    fingerprint: edition::Fingerprint,
    typeset: typeset::Options,
) -> anyhow::Result<()> {
    let (mut store, mut store_warnings) = Store::open(data_dir(options)?);
    store.identify(&fingerprint, &edition);
    store_warnings.extend(store.take_messages());
    let saved = store.edition(&fingerprint).cloned().unwrap_or_default();
    let source = options.file.to_string_lossy().into_owned();
    let warnings: Vec<String> = store_warnings
        .into_iter()
        .chain(edition.warnings.iter().map(|w| format!("{source}: {w}")))
        .collect();
    let settings = Settings {
        typeset,
        ..Settings::default()
    };
    let keymap = Keymap::default();
    let mut app = App::new(edition, fingerprint, settings, saved.bookmarks.clone());
    app.set_help(keymap.help());
    if options.resume {
        app.resume(&saved);
    }
    if let Some(first) = warnings.first() {
        app.notify(first.clone());
    }
    let mut session = Session {
        app,
        keymap,
        store,
        path: Some(source),
        messages: Vec::new(),
    };
    let result = terminal::run(&mut session);
    let later = session.store.take_messages();
    for warning in warnings.iter().chain(&session.messages).chain(&later) {
        eprintln!("newsreader: {warning}");
    }
    result
}

/// Resolves `--ambiguous-width`: `auto` asks the terminal when stdout is
/// one, and is narrow otherwise (a dump into a pipe or file).
fn ambiguous_width(choice: AmbiguousChoice) -> AmbiguousWidth {
    match choice {
        AmbiguousChoice::Narrow => AmbiguousWidth::Narrow,
        AmbiguousChoice::Wide => AmbiguousWidth::Wide,
        AmbiguousChoice::Auto if std::io::stdout().is_terminal() => {
            terminal::probe_ambiguous_width(terminal::PROBE_TIMEOUT)
        }
        AmbiguousChoice::Auto => AmbiguousWidth::Narrow,
    }
}

/// Prints non-fatal warnings on stderr, one line each.
fn warn(source: &str, warnings: &[String]) {
    for warning in warnings {
        eprintln!("newsreader: {source}: {warning}");
    }
}

/// True when `err` comes from writing to a closed pipe (`newsreader … | head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
