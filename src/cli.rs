//! The command line: raw arguments (clap derive) turned into validated
//! [`Options`].
//!
//! [`Args`] is the raw input at the boundary, exactly as typed; [`Args::validate`]
//! resolves defaults that depend on the environment (the data directory, whether
//! stdout is a terminal) and gives the rest of the program one [`Options`] value.
//! Reading the edition file ([`input`]), printing it without a terminal
//! ([`dump`]) and listing or exporting bookmarks ([`bookmarks`]) live beside
//! it, since all are command-line modes.

pub mod bookmarks;
pub mod dump;
pub mod input;
pub mod open;

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// The narrowest `--width` accepted, in columns: every CJK character is 2
/// columns, so below this a row cannot hold the text it is set for.
pub const MIN_WIDTH: u16 = 4;

/// `newsreader [OPTIONS] <FILE>...`, or `newsreader --bookmarks [--json]`,
/// `newsreader --export-bookmarks FILE.md`, `newsreader --print-config`:
/// the raw command line.
#[derive(Debug, Parser)]
#[command(
    name = "newsreader",
    version,
    about = "Read a day's newspaper, as a PDF extractor left it, in the terminal.",
    // Without this, clap's usage line in an error lists the arguments the
    // error names (`newsreader --ambiguous-width <WHEN> [FILE]...`).
    override_usage = "newsreader [OPTIONS] [FILE]..."
)]
pub struct Args {
    /// The edition: plain text as a PDF extractor made it (`-`: standard
    /// input). Several files, or a directory, open the library of editions.
    /// Not needed with a pipe on standard input, --bookmarks,
    /// --export-bookmarks or --print-config.
    // Optional to clap, which would name a missing one `<FILE>...` while
    // the usage says `[FILE]...`: `Args::check_files` asks for it.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Read settings from this file instead of the platform config file.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the effective config (with every key binding) and exit.
    #[arg(long)]
    pub print_config: bool,

    /// List every bookmark of every edition (edition, article, snippet,
    /// note) and exit.
    #[arg(long, conflicts_with_all = ["files", "dump", "export_bookmarks"])]
    pub bookmarks: bool,

    /// With --bookmarks: print them as a JSON array, for scripts.
    #[arg(long, requires = "bookmarks")]
    pub json: bool,

    /// Write every bookmark, with its snippet and note, to FILE.md as
    /// Markdown (replacing FILE.md) and exit.
    #[arg(long, value_name = "FILE.md", conflicts_with_all = ["files", "dump"])]
    pub export_bookmarks: Option<PathBuf>,

    /// Print the parsed edition to stdout and exit (no terminal UI).
    #[arg(long, value_name = "FORMAT")]
    pub dump: Option<DumpFormat>,

    /// Row width in columns for `--dump text` (at least 4: a CJK row needs 2
    /// columns, and an indented one more).
    #[arg(long, value_name = "COLUMNS", default_value_t = 80,
          value_parser = clap::value_parser!(u16).range(i64::from(MIN_WIDTH)..))]
    pub width: u16,

    /// Where bookmarks and reading positions live [default: $NEWSREADER_DATA_DIR,
    /// else the platform data directory].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Columns taken by East Asian Ambiguous characters such as `“ ” …`;
    /// `auto` asks the terminal [default: the config's, else auto].
    #[arg(long, value_name = "WHEN")]
    pub ambiguous_width: Option<AmbiguousChoice>,

    /// Justify CJK paragraph rows shortened by push-out (also on when the
    /// config says `justify = true`).
    #[arg(long)]
    pub justify: bool,

    /// Start at the top instead of the last reading position.
    #[arg(long)]
    pub no_resume: bool,

    /// Decode the file in this encoding (a WHATWG label such as `gbk`)
    /// instead of detecting one.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// The `--dump` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// The parsed edition as JSON (the model's serde names).
    Json,
    /// The edition typeset as the reading pane sets it.
    Text,
}

/// The `--ambiguous-width` choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousChoice {
    /// Ask the terminal (falls back to narrow when it does not answer or
    /// stdout is not a terminal).
    #[default]
    Auto,
    /// Ambiguous characters take 1 column.
    Narrow,
    /// Ambiguous characters take 2 columns.
    Wide,
}

/// What the program is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Run the terminal UI on one edition.
    Interactive,
    /// Run the terminal UI on a library of editions (several files or a
    /// directory).
    Library,
    /// Print the edition and exit.
    Dump(DumpFormat),
    /// List the bookmarks of every edition on stdout and exit; `json` for
    /// the JSON array. No edition is read.
    ListBookmarks {
        /// Print JSON instead of text.
        json: bool,
    },
    /// Write the bookmarks of every edition to this Markdown file and exit.
    /// No edition is read.
    ExportBookmarks(PathBuf),
}

/// Validated options: everything the rest of the program needs from the
/// command line and the environment.
#[derive(Debug, Clone)]
pub struct Options {
    /// The edition files or directories, as given (at least one unless
    /// only printing the config or in the bookmark modes,
    /// [`Mode::ListBookmarks`] and [`Mode::ExportBookmarks`], which read none).
    pub files: Vec<PathBuf>,
    /// Terminal UI or dump (a piped stdout without `--dump` means `--dump text`).
    pub mode: Mode,
    /// Row width for `--dump text`, in columns (at least [`MIN_WIDTH`]).
    pub width: usize,
    /// The state directory, if one could be determined (see [`data_dir`]).
    pub data_dir: Option<PathBuf>,
    /// East Asian Ambiguous width choice.
    pub ambiguous: AmbiguousChoice,
    /// Justify CJK rows shortened by push-out.
    pub justify: bool,
    /// Open at the saved reading position.
    pub resume: bool,
    /// A forced encoding, if `--encoding` was given.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Maximum text width of the reading pane, in columns (config `measure`).
    pub measure: usize,
    /// The colour theme (config `theme`, mono under `NO_COLOR`).
    pub theme: crate::config::Theme,
    /// Capture the mouse (config `mouse`).
    pub mouse: bool,
    /// Search folding (config `[search]`).
    pub search: crate::search::SearchOptions,
}

/// Facts about the environment that change defaults, gathered by the caller
/// so that validation stays a pure function.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether standard input brings an edition: a pipe or a file
    /// redirected in (`pdftotext paper.pdf - | newsreader`,
    /// `newsreader < paper.txt`); not a terminal, not `/dev/null`.
    pub stdin_has_input: bool,
    /// Whether standard input is a terminal (the keys then come from it).
    pub stdin_is_terminal: bool,
    /// The value of `$NEWSREADER_DATA_DIR`, if set.
    pub data_dir_var: Option<std::ffi::OsString>,
    /// The value of `$NO_COLOR`, if set.
    pub no_color: Option<std::ffi::OsString>,
    /// The value of `$TMUX`, if set (OSC 52 then goes through tmux).
    pub tmux: Option<std::ffi::OsString>,
}

impl Environment {
    /// Reads the real environment: `$NEWSREADER_DATA_DIR`, whether stdout
    /// is a terminal and whether stdin brings input.
    pub fn current() -> Self {
        use std::io::IsTerminal as _;
        Environment {
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stdin_has_input: input::stdin_has_input(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            data_dir_var: std::env::var_os("NEWSREADER_DATA_DIR"),
            no_color: std::env::var_os("NO_COLOR"),
            tmux: std::env::var_os("TMUX"),
        }
    }
}

impl Args {
    /// A usage error (exit status 2) when no FILE is given, standard input
    /// brings nothing to read ([`Environment::stdin_has_input`]) and neither
    /// `--bookmarks`, `--export-bookmarks` nor `--print-config` is given,
    /// worded to agree with the usage line `newsreader [OPTIONS] [FILE]...`.
    /// Also one when FILE `-` (standard input) is given while standard
    /// input is the terminal the keys come from, or with other FILEs.
    ///
    /// # Errors
    /// The usage error, ready for [`clap::Error::exit`].
    pub fn check_files(&self, env: &Environment) -> Result<(), clap::Error> {
        use clap::CommandFactory as _;
        let needs_none = self.bookmarks || self.export_bookmarks.is_some() || self.print_config;
        let dash = self.files.iter().any(|f| f.as_os_str() == input::STDIN);
        if dash && self.files.len() > 1 {
            return Err(Args::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "FILE `-` (standard input) is read alone, not with other FILEs",
            ));
        }
        if dash && env.stdin_is_terminal && env.stdout_is_terminal && self.dump.is_none() {
            return Err(Args::command().error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "FILE `-` reads the edition from standard input, which is the terminal: \
                 pipe one in (pdftotext paper.pdf - | newsreader)",
            ));
        }
        if self.files.is_empty() && !needs_none && !env.stdin_has_input {
            return Err(Args::command().error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "no FILE given: name an edition file, several, or a directory, \
                 or pipe an edition in (FILE may be left out only then, or with \
                 --bookmarks, --export-bookmarks or --print-config)",
            ));
        }
        Ok(())
    }

    /// Turns the raw arguments into [`Options`], resolving defaults from
    /// `env` and the loaded `config` (a command-line flag wins over the
    /// config). Several files, or one directory, in the terminal mean the
    /// library; `--dump` always works on files (each in turn). No FILE,
    /// with standard input bringing an edition, means FILE `-` (as `less`
    /// reads a pipe).
    pub fn validate(mut self, env: &Environment, config: &crate::config::Config) -> Options {
        if self.files.is_empty() && env.stdin_has_input {
            self.files.push(PathBuf::from(input::STDIN));
        }
        let library = self.files.len() > 1 || self.files.iter().any(|f| f.is_dir());
        let mode = match (self.export_bookmarks, self.dump) {
            (Some(path), _) => Mode::ExportBookmarks(path),
            (None, _) if self.bookmarks => Mode::ListBookmarks { json: self.json },
            (None, Some(format)) => Mode::Dump(format),
            (None, None) if env.stdout_is_terminal && library => Mode::Library,
            (None, None) if env.stdout_is_terminal => Mode::Interactive,
            (None, None) => Mode::Dump(DumpFormat::Text),
        };
        let ambiguous = self
            .ambiguous_width
            .unwrap_or(match config.ambiguous_width {
                crate::config::AmbiguousWidth::Auto => AmbiguousChoice::Auto,
                crate::config::AmbiguousWidth::Narrow => AmbiguousChoice::Narrow,
                crate::config::AmbiguousWidth::Wide => AmbiguousChoice::Wide,
            });
        Options {
            files: self.files,
            mode,
            width: usize::from(self.width),
            data_dir: data_dir(self.data_dir, env.data_dir_var.clone()),
            ambiguous,
            justify: self.justify || config.justify,
            resume: !self.no_resume,
            encoding: self.encoding,
            measure: usize::from(config.measure),
            theme: config.theme,
            mouse: config.mouse,
            search: config.search,
        }
    }
}

/// The state directory: `--data-dir` if given, else `$NEWSREADER_DATA_DIR` if
/// set and non-empty, else the platform data directory from
/// `directories::ProjectDirs` (e.g. `~/.local/share/newsreader` on Linux).
/// `None` only when no home directory can be found.
pub fn data_dir(flag: Option<PathBuf>, var: Option<std::ffi::OsString>) -> Option<PathBuf> {
    flag.or_else(|| var.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "newsreader").map(|d| d.data_dir().to_owned())
        })
}

/// Parses an `--encoding` label (see
/// [`crate::edition::decode::encoding_for_label`]).
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    crate::edition::decode::encoding_for_label(label)
        .ok_or_else(|| format!("unknown encoding label `{label}` (try utf-8, gbk, gb18030, big5)"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parse(args: &[&str], env: &Environment) -> Options {
        let mut all = vec!["newsreader"];
        all.extend_from_slice(args);
        Args::try_parse_from(all)
            .unwrap()
            .validate(env, &crate::config::Config::default())
    }

    fn tty() -> Environment {
        Environment {
            stdout_is_terminal: true,
            ..Environment::default()
        }
    }

    #[test]
    fn piped_stdout_without_dump_means_dump_text() {
        let piped = Environment::default();
        assert_eq!(parse(&["a.txt"], &piped).mode, Mode::Dump(DumpFormat::Text));
        assert_eq!(parse(&["a.txt"], &tty()).mode, Mode::Interactive);
    }

    #[test]
    fn explicit_dump_wins_over_terminal() {
        let options = parse(&["--dump", "json", "a.txt"], &tty());
        assert_eq!(options.mode, Mode::Dump(DumpFormat::Json));
    }

    #[test]
    fn data_dir_flag_beats_variable_and_empty_variable_is_ignored() {
        let env = Environment {
            stdout_is_terminal: true,
            data_dir_var: Some("/from/env".into()),
            ..Environment::default()
        };
        let flagged = parse(&["--data-dir", "/from/flag", "a.txt"], &env);
        assert_eq!(flagged.data_dir, Some(PathBuf::from("/from/flag")));
        assert_eq!(
            parse(&["a.txt"], &env).data_dir,
            Some(PathBuf::from("/from/env"))
        );
        let empty = data_dir(None, Some("".into()));
        assert_ne!(empty, Some(PathBuf::from("")));
    }

    #[test]
    fn bookmark_modes_need_no_edition_file() {
        assert_eq!(
            parse(&["--bookmarks"], &tty()).mode,
            Mode::ListBookmarks { json: false }
        );
        assert_eq!(
            parse(&["--bookmarks", "--json"], &tty()).mode,
            Mode::ListBookmarks { json: true }
        );
        assert_eq!(
            parse(&["--export-bookmarks", "out.md"], &tty()).mode,
            Mode::ExportBookmarks(PathBuf::from("out.md"))
        );
    }

    #[test]
    fn missing_file_is_a_usage_error_that_agrees_with_the_usage_line() {
        let args = Args::try_parse_from(["newsreader"]).unwrap();
        let err = args.check_files(&tty()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.render().to_string();
        assert!(text.contains("no FILE given"), "{text}");
        assert!(
            text.contains("Usage: newsreader [OPTIONS] [FILE]...\n"),
            "{text}"
        );
        assert!(!text.contains("<FILE>"), "{text}");
        for ok in [
            vec!["newsreader", "a.txt"],
            vec!["newsreader", "--bookmarks"],
            vec!["newsreader", "--export-bookmarks", "o.md"],
            vec!["newsreader", "--print-config"],
        ] {
            let args = Args::try_parse_from(&ok).unwrap();
            assert!(args.check_files(&tty()).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn no_file_with_a_pipe_on_stdin_reads_standard_input() {
        let piped = Environment {
            stdout_is_terminal: true,
            stdin_has_input: true,
            ..Environment::default()
        };
        let args = Args::try_parse_from(["newsreader"]).unwrap();
        assert!(args.check_files(&piped).is_ok());
        let options = args.validate(&piped, &crate::config::Config::default());
        assert_eq!(options.files, [PathBuf::from("-")]);
        assert_eq!(options.mode, Mode::Interactive);
        // A FILE given wins over the pipe.
        assert_eq!(parse(&["a.txt"], &piped).files, [PathBuf::from("a.txt")]);
    }

    #[test]
    fn dash_is_read_alone_and_not_from_the_terminal_the_keys_come_from() {
        let keyboard = Environment {
            stdout_is_terminal: true,
            stdin_is_terminal: true,
            ..Environment::default()
        };
        let dash = Args::try_parse_from(["newsreader", "-"]).unwrap();
        let text = dash
            .check_files(&keyboard)
            .unwrap_err()
            .render()
            .to_string();
        assert!(
            text.contains("standard input, which is the terminal"),
            "{text}"
        );
        let piped = Environment {
            stdin_has_input: true,
            ..keyboard.clone()
        };
        let piped = Environment {
            stdin_is_terminal: false,
            ..piped
        };
        assert!(dash.check_files(&piped).is_ok());
        let two = Args::try_parse_from(["newsreader", "-", "a.txt"]).unwrap();
        let err = two.check_files(&piped).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn bookmark_flags_do_not_mix() {
        for args in [
            vec!["newsreader", "--json"],
            vec!["newsreader", "--bookmarks", "a.txt"],
            vec!["newsreader", "--bookmarks", "--export-bookmarks", "o.md"],
            vec!["newsreader", "--export-bookmarks", "o.md", "--dump", "json"],
        ] {
            let err = Args::try_parse_from(&args).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{args:?}");
        }
    }

    #[test]
    fn several_files_or_a_directory_in_a_terminal_mean_the_library() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().to_str().unwrap();
        assert_eq!(parse(&["a.txt"], &tty()).mode, Mode::Interactive);
        assert_eq!(parse(&["a.txt", "b.txt"], &tty()).mode, Mode::Library);
        assert_eq!(parse(&[dir], &tty()).mode, Mode::Library);
        let piped = Environment::default();
        assert_eq!(
            parse(&["a.txt", "b.txt"], &piped).mode,
            Mode::Dump(DumpFormat::Text)
        );
    }

    #[test]
    fn flags_win_over_the_config_and_the_config_fills_the_rest() {
        let text = "justify = true\nambiguous_width = \"wide\"\nmeasure = 60\n";
        let config =
            crate::config::Config::from_toml(text, std::path::Path::new("c.toml")).unwrap();
        let validate = |args: &[&str]| {
            let mut all = vec!["newsreader"];
            all.extend_from_slice(args);
            Args::try_parse_from(all).unwrap().validate(&tty(), &config)
        };
        let options = validate(&["a.txt"]);
        assert_eq!(
            (options.ambiguous, options.justify, options.measure),
            (AmbiguousChoice::Wide, true, 60)
        );
        let options = validate(&["--ambiguous-width", "narrow", "a.txt"]);
        assert_eq!(options.ambiguous, AmbiguousChoice::Narrow);
    }

    #[test]
    fn width_below_four_is_a_usage_error() {
        for width in ["0", "1", "3"] {
            let err = Args::try_parse_from(["newsreader", "--width", width, "a.txt"]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "--width {width}");
            assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
        }
        let options = parse(&["--width", "4", "a.txt"], &tty());
        assert_eq!(options.width, 4);
    }

    #[test]
    fn usage_line_of_an_error_is_the_plain_one() {
        let err = Args::try_parse_from(["newsreader", "--bogus"]).unwrap_err();
        let text = err.render().to_string();
        assert!(
            text.contains("Usage: newsreader [OPTIONS] [FILE]...\n"),
            "{text}"
        );
        assert!(!text.contains("--ambiguous-width <WHEN>"), "{text}");
    }

    #[test]
    fn unknown_encoding_label_is_a_usage_error() {
        let err =
            Args::try_parse_from(["newsreader", "--encoding", "klingon", "a.txt"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let ok = parse(&["--encoding", "GBK", "a.txt"], &tty());
        assert_eq!(ok.encoding, Some(encoding_rs::GBK));
    }

    #[test]
    fn defaults_are_width_80_auto_width_and_resume() {
        let options = parse(&["a.txt"], &tty());
        assert_eq!(options.width, 80);
        assert_eq!(options.ambiguous, AmbiguousChoice::Auto);
        assert!(options.resume);
        assert!(!options.justify);
    }
}
