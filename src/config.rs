//! User settings: `config.toml`, its defaults, and the `[keys]` remapping.
//!
//! The file lives in the platform config directory
//! (`directories::ProjectDirs::from("", "", "newsreader")`, e.g.
//! `~/.config/newsreader/config.toml` on Linux); `--config PATH` overrides
//! it. A missing file at the default location means all defaults; a
//! missing file given with `--config` is an error. Every error names the
//! file, the line and the key ([`ConfigError`]), so the binary can print it
//! and exit 2 before touching the terminal.
//!
//! ```toml
//! theme = "dark"            # dark | light | mono; NO_COLOR forces mono
//! measure = 80              # maximum text width, in columns (20–1000)
//! justify = false
//! ambiguous_width = "auto"  # auto | narrow | wide (UAX #11 Ambiguous)
//! mouse = false
//!
//! [search]
//! fold_chinese_variants = false
//!
//! [keys]                    # action = key spec or list of key specs
//! scroll_down = ["j", "down"]
//! quit = "q"
//! ```
//!
//! The config knows no terminal and no `Action` enum: key specs are our own
//! [`KeySpec`], and action names are checked against the list the UI passes
//! to [`Config::validate_keys`]. Nothing here reads the environment; the
//! caller passes `NO_COLOR` in.

mod error;
pub mod keys;
mod parse;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

pub use error::ConfigError;
pub use keys::{KeyName, KeySpec, KeySpecError};

use crate::search::SearchOptions;
use crate::typeset;

/// Key bindings: action name (snake_case, e.g. `scroll_down`) to the keys
/// bound to it, in the order written. An empty list leaves the action
/// unbound.
pub type KeyBindings = BTreeMap<String, Vec<KeySpec>>;

/// The accepted range of `measure`, in columns.
pub const MEASURE_RANGE: RangeInclusive<u16> = 20..=1000;

/// The default `measure`, in columns.
pub const DEFAULT_MEASURE: u16 = 80;

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Light text on a dark background (the default).
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colour at all: only bold, reverse and underline. Forced when
    /// `NO_COLOR` is set and non-empty (<https://no-color.org>).
    Mono,
}

impl Theme {
    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::Mono => "mono",
        }
    }

    /// The theme named `name` in the config file, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [Theme::Dark, Theme::Light, Theme::Mono]
            .into_iter()
            .find(|t| t.name() == name)
    }
}

impl parse::Choice for Theme {
    const NAMES: &'static [&'static str] = &["dark", "light", "mono"];
}

/// How wide to take East Asian Ambiguous characters (UAX #11).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum AmbiguousWidth {
    /// Let the caller decide (e.g. from the locale or by probing the
    /// terminal); the default.
    #[default]
    Auto,
    /// One column.
    Narrow,
    /// Two columns.
    Wide,
}

impl AmbiguousWidth {
    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            AmbiguousWidth::Auto => "auto",
            AmbiguousWidth::Narrow => "narrow",
            AmbiguousWidth::Wide => "wide",
        }
    }

    /// The setting named `name` in the config file, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [
            AmbiguousWidth::Auto,
            AmbiguousWidth::Narrow,
            AmbiguousWidth::Wide,
        ]
        .into_iter()
        .find(|w| w.name() == name)
    }

    /// The typesetter's width, or `None` for [`AmbiguousWidth::Auto`].
    pub fn fixed(self) -> Option<typeset::AmbiguousWidth> {
        match self {
            AmbiguousWidth::Auto => None,
            AmbiguousWidth::Narrow => Some(typeset::AmbiguousWidth::Narrow),
            AmbiguousWidth::Wide => Some(typeset::AmbiguousWidth::Wide),
        }
    }
}

impl parse::Choice for AmbiguousWidth {
    const NAMES: &'static [&'static str] = &["auto", "narrow", "wide"];
}

/// Where a config came from, for error messages after loading.
#[derive(Debug, Clone, Default)]
struct Origin {
    /// The file, or `None` for built-in defaults.
    path: Option<PathBuf>,
    /// The 1-based line of each `[keys]` entry.
    key_lines: BTreeMap<String, usize>,
}

/// The effective settings.
///
/// Equality compares the settings only, not where they were read from.
#[derive(Debug, Clone)]
pub struct Config {
    /// The colour theme.
    pub theme: Theme,
    /// Maximum text width of the reading pane, in columns (within
    /// [`MEASURE_RANGE`]).
    pub measure: u16,
    /// Justify body text (stretch inter-word and inter-character space).
    pub justify: bool,
    /// East Asian Ambiguous width.
    pub ambiguous_width: AmbiguousWidth,
    /// Capture the mouse (wheel scrolls, click selects). Off by default so
    /// the terminal's own text selection keeps working.
    pub mouse: bool,
    /// The `[search]` table.
    pub search: SearchOptions,
    /// The `[keys]` table as written: only the actions the user remapped.
    /// See [`Config::merge_default_keys`].
    pub keys: KeyBindings,
    origin: Origin,
}

impl Default for Config {
    /// The built-in defaults: dark theme, measure 80, no justification,
    /// ambiguous width auto, no mouse, no Chinese variant folding, no
    /// remapped keys.
    fn default() -> Self {
        Config {
            theme: Theme::default(),
            measure: DEFAULT_MEASURE,
            justify: false,
            ambiguous_width: AmbiguousWidth::default(),
            mouse: false,
            search: SearchOptions::default(),
            keys: KeyBindings::new(),
            origin: Origin::default(),
        }
    }
}

impl PartialEq for Config {
    fn eq(&self, other: &Self) -> bool {
        self.theme == other.theme
            && self.measure == other.measure
            && self.justify == other.justify
            && self.ambiguous_width == other.ambiguous_width
            && self.mouse == other.mouse
            && self.search == other.search
            && self.keys == other.keys
    }
}

impl Eq for Config {}

impl Config {
    /// The default config file path, `config.toml` in the platform config
    /// directory; `None` when the platform has no home directory.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "newsreader")
            .map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Loads the config: from `explicit` (`--config PATH`) if given, else
    /// from [`Config::default_path`]; then applies `no_color` (the value of
    /// `NO_COLOR`, see [`Config::apply_no_color`]).
    ///
    /// # Errors
    /// See [`Config::load_from`].
    pub fn load(explicit: Option<&Path>, no_color: Option<&OsStr>) -> Result<Self, ConfigError> {
        Config::load_from(explicit, Config::default_path().as_deref(), no_color)
    }

    /// [`Config::load`] with the default path given, for tests and callers
    /// that choose their own.
    ///
    /// # Errors
    /// [`ConfigError::NotFound`] when `explicit` does not exist (a missing
    /// `default` gives the defaults); [`ConfigError::Read`] when the file
    /// cannot be read or is not UTF-8; any content error of
    /// [`Config::from_toml`].
    pub fn load_from(
        explicit: Option<&Path>,
        default: Option<&Path>,
        no_color: Option<&OsStr>,
    ) -> Result<Self, ConfigError> {
        let mut config = match (explicit, default) {
            (Some(path), _) => Config::read(path, true)?,
            (None, Some(path)) => Config::read(path, false)?,
            (None, None) => Config::default(),
        };
        config.apply_no_color(no_color);
        Ok(config)
    }

    /// Reads and parses `path`; a missing file is an error only if
    /// `required`.
    fn read(path: &Path, required: bool) -> Result<Self, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::from_toml(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(Config::default())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ConfigError::NotFound {
                path: path.to_owned(),
            }),
            Err(source) => Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Parses config `text`; `path` is the file it came from, used in error
    /// messages. Keys not in the file keep their defaults.
    ///
    /// # Errors
    /// [`ConfigError::Syntax`] for invalid TOML, [`ConfigError::UnknownKey`],
    /// [`ConfigError::BadValue`], [`ConfigError::BadKeySpec`] and
    /// [`ConfigError::KeyConflict`], each with the line of the first
    /// problem in the file.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        parse::parse(text, path)
    }

    /// Forces the mono theme when `no_color` (the value of the `NO_COLOR`
    /// environment variable) is set and non-empty, as <https://no-color.org>
    /// asks.
    pub fn apply_no_color(&mut self, no_color: Option<&OsStr>) {
        if no_color.is_some_and(|value| !value.is_empty()) {
            self.theme = Theme::Mono;
        }
    }

    /// Checks that every action in `[keys]` is one of `known_actions` (the
    /// UI's action names).
    ///
    /// # Errors
    /// [`ConfigError::UnknownAction`] for the first unknown action in the
    /// file, with its line.
    pub fn validate_keys(&self, known_actions: &[&str]) -> Result<(), ConfigError> {
        let mut unknown: Vec<(usize, &String)> = self
            .keys
            .keys()
            .filter(|action| !known_actions.contains(&action.as_str()))
            .map(|action| {
                (
                    self.origin.key_lines.get(action).copied().unwrap_or(0),
                    action,
                )
            })
            .collect();
        unknown.sort();
        match unknown.first() {
            None => Ok(()),
            Some(&(line, action)) => Err(ConfigError::UnknownAction {
                path: self.origin.path.clone().unwrap_or_default(),
                line,
                action: action.clone(),
            }),
        }
    }

    /// Checks that the effective keys (after [`Config::merge_default_keys`])
    /// leave a way out: at least one key for `quit` or `exit`.
    ///
    /// # Errors
    /// [`ConfigError::NoWayToQuit`], at the line of the file's `quit` entry
    /// (else its `exit` entry, else of the first `[keys]` entry).
    pub fn check_can_quit(&self) -> Result<(), ConfigError> {
        let has_key = |action: &str| self.keys.get(action).is_some_and(|k| !k.is_empty());
        if has_key("quit") || has_key("exit") {
            return Ok(());
        }
        let lines = &self.origin.key_lines;
        let line = lines
            .get("quit")
            .or_else(|| lines.get("exit"))
            .or_else(|| lines.values().min())
            .copied()
            .unwrap_or(0);
        Err(ConfigError::NoWayToQuit {
            path: self.origin.path.clone().unwrap_or_default(),
            line,
        })
    }

    /// Merges the user's `[keys]` over the UI's `defaults`, so that
    /// [`Config::keys`] holds every action's effective keys (for the keymap,
    /// the help screen and `--print-config`).
    ///
    /// An action the user listed gets exactly the user's keys; a default
    /// key that the user bound to some other action is taken away from its
    /// default action, so each key maps to one action.
    pub fn merge_default_keys(&mut self, defaults: &KeyBindings) {
        let taken: Vec<KeySpec> = self.keys.values().flatten().copied().collect();
        for (action, keys) in defaults {
            if !self.keys.contains_key(action) {
                let kept = keys
                    .iter()
                    .filter(|k| !taken.contains(k))
                    .copied()
                    .collect();
                self.keys.insert(action.clone(), kept);
            }
        }
    }

    /// The config as TOML, every field written out, for `--print-config`.
    /// Parsing the output gives an equal [`Config`]. Key specs are written
    /// in their canonical spelling, each action as a list.
    pub fn to_toml(&self) -> String {
        let keys: BTreeMap<&str, Vec<String>> = self
            .keys
            .iter()
            .map(|(action, specs)| {
                (
                    action.as_str(),
                    specs.iter().map(KeySpec::to_string).collect(),
                )
            })
            .collect();
        let printed = Printed {
            theme: self.theme.name(),
            measure: self.measure,
            justify: self.justify,
            ambiguous_width: self.ambiguous_width.name(),
            mouse: self.mouse,
            search: PrintedSearch {
                fold_chinese_variants: self.search.fold_chinese_variants,
            },
            keys,
        };
        toml::to_string(&printed).unwrap_or_default()
    }
}

/// The shape [`Config::to_toml`] writes.
#[derive(serde::Serialize)]
struct Printed<'a> {
    theme: &'a str,
    measure: u16,
    justify: bool,
    ambiguous_width: &'a str,
    mouse: bool,
    search: PrintedSearch,
    keys: BTreeMap<&'a str, Vec<String>>,
}

/// The `[search]` table as written.
#[derive(serde::Serialize)]
struct PrintedSearch {
    fold_chinese_variants: bool,
}
