//! The `newsreader` binary: parse the command line, load the config, then
//! print the config, dump the editions or run the reader (on one edition or
//! a library of them); map errors to exit codes (1 for a failure, 2 for a
//! usage or config error, 0 on a broken pipe).

use std::io::IsTerminal as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;

use newsreader::app::{App, Settings, shelf::Shelf};
use newsreader::cli::open::{self, ReaderOptions};
use newsreader::cli::{self, AmbiguousChoice, Args, DumpFormat, Environment, Mode, Options};
use newsreader::config::Config;
use newsreader::edition::{Edition, Fingerprint};
use newsreader::keymap::Keymap;
use newsreader::library::Library;
use newsreader::sanitize;
use newsreader::store::{Notice, Store};
use newsreader::terminal::{self, Io, LibraryMode, Session};
use newsreader::typeset::{self, AmbiguousWidth};

fn main() -> ExitCode {
    let args = Args::parse();
    let env = Environment::current();
    if let Err(err) = args.check_files(&env) {
        err.exit();
    }
    // The config is read and checked before the terminal is touched: an
    // error is one line naming file, line and key, and exit status 2.
    let (config, keymap) = match load_config(&args, &env) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("newsreader: {}", sanitize::line(&err.to_string()));
            return ExitCode::from(2);
        }
    };
    if args.print_config {
        print!("{}", config.to_toml());
        return ExitCode::SUCCESS;
    }
    let options = args.validate(&env, &config);
    match run(&options, keymap, &env) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsreader: {}", sanitize::line(&error_line(&err)));
            ExitCode::FAILURE
        }
    }
}

/// Loads the config (`--config` or the platform file, `NO_COLOR` applied),
/// checks its `[keys]`, and builds the live key map from it; the config's
/// keys are then the effective bindings (for `--print-config`).
fn load_config(args: &Args, env: &Environment) -> anyhow::Result<(Config, Keymap)> {
    let mut config = Config::load(args.config.as_deref(), env.no_color.as_deref())?;
    config.validate_keys(&Keymap::action_names())?;
    let keymap = Keymap::configured(&mut config);
    config.check_can_quit()?;
    Ok((config, keymap))
}

fn run(options: &Options, keymap: Keymap, env: &Environment) -> anyhow::Result<()> {
    match &options.mode {
        Mode::ListBookmarks { json } => return list_bookmarks(options, *json),
        Mode::ExportBookmarks(path) => return export_bookmarks(options, path),
        Mode::Interactive | Mode::Library | Mode::Dump(_) => {}
    }
    // Resolved only when needed: `auto` may ask the terminal.
    let typeset = || typeset::Options {
        ambiguous: ambiguous_width(options.ambiguous),
        justify: options.justify,
    };
    match options.mode {
        Mode::Dump(format) => dump(options, format, &typeset()),
        Mode::Interactive | Mode::Library => {
            let settings = Settings {
                typeset: typeset(),
                measure: options.measure,
                search: options.search,
                theme: options.theme,
            };
            read(options, settings, keymap, env)
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
    let path = path.display().to_string();
    println!("{count} bookmarks written to {}", sanitize::line(&path));
    Ok(())
}

/// Prints store warnings on stderr, one line each.
fn warn_all(warnings: &[newsreader::store::Notice]) {
    for warning in warnings {
        eprintln!("newsreader: {}", sanitize::line(&warning.to_string()));
    }
}

/// `--dump`: each file in turn (see [`cli::dump::files`]).
fn dump(options: &Options, format: DumpFormat, typeset: &typeset::Options) -> anyhow::Result<()> {
    let request = cli::dump::Request {
        format,
        files: &options.files,
        width: options.width,
        typeset: *typeset,
        encoding: options.encoding,
    };
    let stdout = std::io::stdout();
    // Held while dumping, so that nothing else writes to stdout meanwhile.
    let lock = stdout.lock();
    match raw_stdout() {
        Some(raw) => cli::dump::files(&request, raw, warn),
        None => cli::dump::files(&request, lock, warn),
    }
}

/// Standard output as its file descriptor (a duplicate of fd 1), for a
/// dump: the dump hands on 64 KiB pieces (see [`cli::dump::BUFFER_BYTES`]),
/// and Rust's stdout, line-buffered, would cut each piece at its last line
/// end and write the rest separately, two `write` calls per piece. `None`
/// where the descriptor cannot be had (then the locked stdout is used).
#[cfg(unix)]
fn raw_stdout() -> Option<std::fs::File> {
    use std::os::fd::AsFd as _;
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    Some(std::fs::File::from(fd))
}

/// Elsewhere the locked stdout is used.
#[cfg(not(unix))]
fn raw_stdout() -> Option<std::fs::File> {
    None
}

/// What every session starts from: the key map, the opened store with its
/// warnings, and the terminal I/O settings.
struct Parts {
    keymap: Keymap,
    store: Store,
    warnings: Vec<Notice>,
    io: Io,
}

/// A session on the library screen of the editions `options` names.
fn library_session(
    options: &Options,
    settings: Settings,
    reader: ReaderOptions,
    parts: Parts,
) -> anyhow::Result<Session> {
    let library = Library::scan_with(&options.files, options.encoding.is_some())?;
    if library.is_empty() {
        let given: Vec<String> = options
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        anyhow::bail!("{}: no editions found", given.join(", "));
    }
    // Until an edition is opened, the reader holds an empty one that is
    // never drawn (the library screen shows instead).
    let mut app = App::new(
        Edition::default(),
        Fingerprint::of_text(""),
        settings,
        Vec::new(),
    );
    app.set_help(reader.help.clone());
    // Paths left out of the library (missing, unreadable, binary): named on the
    // library screen and again on stderr at exit.
    let skipped: Vec<Notice> = library
        .skipped
        .iter()
        .map(|s| Notice::plain(s.clone()))
        .collect();
    let mut shelf = Shelf::new(library);
    shelf.set_help(parts.keymap.library_help());
    shelf.set_hint(parts.keymap.library_hint());
    shelf.ambiguous = settings.typeset.ambiguous;
    shelf.message = skipped
        .first()
        .or(parts.warnings.first())
        .map(|w| w.status.clone());
    app.set_shelf(Some(shelf));
    app.show_library();
    Ok(Session {
        app,
        keymap: parts.keymap,
        store: parts.store,
        path: None,
        messages: skipped.into_iter().chain(parts.warnings).collect(),
        io: parts.io,
        library: Some(LibraryMode { options: reader }),
        loading: None,
    })
}

/// A session reading the one edition `options` names.
fn edition_session(
    options: &Options,
    reader: &ReaderOptions,
    mut parts: Parts,
) -> anyhow::Result<Session> {
    let file = options.files.first().context("no FILE given")?;
    let stream = cli::input::is_stream(file);
    let opened = if stream {
        open::open_stream(file, reader, &parts.store)
    } else {
        open::open(file, reader, &mut parts.store)?
    };
    let mut app = opened.app;
    if let Some(first) = parts.warnings.first() {
        app.notify(first.status.clone());
    }
    Ok(Session {
        app,
        keymap: parts.keymap,
        store: parts.store,
        // A stream's name is no place to find the edition again.
        path: (!stream).then_some(opened.source),
        messages: parts.warnings.into_iter().chain(opened.warnings).collect(),
        io: parts.io,
        library: None,
        loading: opened.loading,
    })
}

/// Runs the terminal reader: straight into one edition, or on the library
/// screen of several.
fn read(
    options: &Options,
    settings: Settings,
    keymap: Keymap,
    env: &Environment,
) -> anyhow::Result<()> {
    let (store, store_warnings) = Store::open(data_dir(options)?);
    let reader = ReaderOptions {
        settings,
        encoding: options.encoding,
        resume: options.resume,
        help: keymap.help(),
    };
    let io = Io {
        mouse: options.mouse,
        tmux: env.tmux.clone(),
    };
    let parts = Parts {
        keymap,
        store,
        warnings: store_warnings,
        io,
    };
    let mut session = if options.mode == Mode::Library {
        library_session(options, settings, reader, parts)?
    } else {
        edition_session(options, &reader, parts)?
    };
    let result = terminal::run(&mut session);
    let later = session.store.take_messages();
    let mut lines: Vec<String> = session
        .messages
        .iter()
        .chain(&later)
        .map(ToString::to_string)
        .collect();
    // A save that kept failing is said once per change in the status bar,
    // once here.
    lines.dedup();
    for line in lines {
        eprintln!("newsreader: {}", sanitize::line(&line));
    }
    let unsaved = session.store.save_error().map(str::to_owned);
    if let Some(reason) = &unsaved {
        let reason = sanitize::line(reason);
        eprintln!("newsreader: changes of this session were NOT SAVED and are lost ({reason})");
    }
    // Stopped by a signal, once everything is saved and the terminal is
    // given back: the status a shell expects of a process it signalled.
    if let Some(signal) = result? {
        std::process::exit(128 + signal);
    }
    if unsaved.is_some() {
        std::process::exit(1);
    }
    Ok(())
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
        let line = format!("{source}: {warning}");
        eprintln!("newsreader: {}", sanitize::line(&line));
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

/// `err` as one line: its message, then each cause not already part of the
/// line (an error that prints its own cause, `path: reason`, would
/// otherwise show the reason twice), with the `(os error N)` suffixes
/// dropped.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        let text = strip_os_error(&text);
        if line.contains(text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    line
}

/// `text` without a trailing ` (os error N)`.
fn strip_os_error(text: &str) -> &str {
    match text.rfind(" (os error ") {
        Some(cut) if text.ends_with(')') => &text[..cut],
        _ => text,
    }
}
