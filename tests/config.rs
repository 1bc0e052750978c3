//! `config.toml`: defaults, every error kind with its exact message, and the
//! `--print-config` round trip.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use newsreader::config::{
    AmbiguousWidth, Config, ConfigError, KeyBindings, KeyName, KeySpec, Theme,
};

const PATH: &str = "/home/u/.config/newsreader/config.toml";

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new(PATH))
}

fn error(text: &str) -> String {
    match parse(text) {
        Ok(config) => panic!("expected an error, got {config:?}"),
        Err(e) => e.to_string(),
    }
}

fn key(spec: &str) -> KeySpec {
    KeySpec::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"))
}

#[test]
fn empty_file_gives_the_documented_defaults() {
    let config = parse("").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.measure, 80);
    assert!(!config.justify);
    assert_eq!(config.ambiguous_width, AmbiguousWidth::Auto);
    assert!(!config.mouse);
    assert!(!config.search.fold_chinese_variants);
    assert!(config.keys.is_empty());
    assert_eq!(config, Config::default());
}

#[test]
fn every_field_is_read() {
    let text = r#"
theme = "light"
measure = 66
justify = true
ambiguous_width = "wide"
mouse = true

[search]
fold_chinese_variants = true

[keys]
scroll_down = ["j", "down", "ctrl-n"]
quit = "q"
help = "F1"
"#;
    let config = parse(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.theme, Theme::Light);
    assert_eq!(config.measure, 66);
    assert!(config.justify);
    assert_eq!(config.ambiguous_width, AmbiguousWidth::Wide);
    assert!(config.mouse);
    assert!(config.search.fold_chinese_variants);
    assert_eq!(
        config.keys["scroll_down"],
        vec![key("j"), key("down"), key("ctrl-n")]
    );
    assert_eq!(
        config.keys["quit"],
        vec![KeySpec::plain(KeyName::Char('q'))]
    );
    assert_eq!(config.keys["help"], vec![KeySpec::plain(KeyName::F(1))]);
}

#[test]
fn unknown_top_level_key_names_file_line_and_key() {
    assert_eq!(
        error("theme = \"dark\"\n\nmesure = 72\n"),
        format!("{PATH}:3: unknown key 'mesure'")
    );
}

#[test]
fn unknown_key_in_search_table_is_dotted() {
    assert_eq!(
        error("[search]\nfold_variants = true\n"),
        format!("{PATH}:2: unknown key 'search.fold_variants'")
    );
}

#[test]
fn unknown_table_is_an_unknown_key() {
    assert_eq!(
        error("measure = 70\n[serch]\n"),
        format!("{PATH}:2: unknown key 'serch'")
    );
}

#[test]
fn bad_theme_lists_the_choices() {
    assert_eq!(
        error("theme = \"blue\""),
        format!(
            "{PATH}:1: bad value for 'theme': expected one of dark, light, mono, found \"blue\""
        )
    );
}

#[test]
fn bad_ambiguous_width_lists_the_choices() {
    assert_eq!(
        error("\nambiguous_width = 2"),
        format!(
            "{PATH}:2: bad value for 'ambiguous_width': expected one of auto, narrow, wide, found 2"
        )
    );
}

#[test]
fn measure_below_twenty_is_rejected() {
    assert_eq!(
        error("measure = 10"),
        format!(
            "{PATH}:1: bad value for 'measure': expected a whole number of columns from 20 to 1000, found 10"
        )
    );
}

#[test]
fn measure_as_float_is_rejected() {
    assert_eq!(
        error("measure = 72.5"),
        format!(
            "{PATH}:1: bad value for 'measure': expected a whole number of columns from 20 to 1000, found 72.5"
        )
    );
}

#[test]
fn measure_of_exactly_twenty_is_accepted() {
    assert_eq!(parse("measure = 20").map(|c| c.measure).ok(), Some(20));
}

#[test]
fn boolean_given_as_string_names_the_key() {
    assert_eq!(
        error("justify = \"yes\""),
        format!("{PATH}:1: bad value for 'justify': expected true or false, found \"yes\"")
    );
    assert_eq!(
        error("[search]\nfold_chinese_variants = 1"),
        format!(
            "{PATH}:2: bad value for 'search.fold_chinese_variants': expected true or false, found 1"
        )
    );
}

#[test]
fn search_that_is_not_a_table_is_a_bad_value() {
    assert_eq!(
        error("search = true"),
        format!("{PATH}:1: bad value for 'search': expected a table ([search]), found true")
    );
}

#[test]
fn key_binding_of_wrong_type_names_the_action() {
    assert_eq!(
        error("[keys]\nquit = 3"),
        format!("{PATH}:2: bad value for 'keys.quit': expected a key or a list of keys, found 3")
    );
    assert_eq!(
        error("[keys]\nquit = [\"q\",\n  [\"x\"]]"),
        format!(
            "{PATH}:3: bad value for 'keys.quit': expected a key or a list of keys, found an array"
        )
    );
}

#[test]
fn bad_key_spec_names_line_spec_and_action() {
    assert_eq!(
        error("[keys]\nscroll_down = [\"j\",\n  \"pagedwn\"]\n"),
        format!("{PATH}:3: bad key 'pagedwn' for 'scroll_down': unknown key name 'pagedwn'")
    );
    assert_eq!(
        error("[keys]\nquit = \"ctrl-\""),
        format!("{PATH}:2: bad key 'ctrl-' for 'quit': no key after the modifiers")
    );
}

#[test]
fn same_key_for_two_actions_is_a_conflict() {
    assert_eq!(
        error("[keys]\nscroll_down = \"j\"\nnext_article = [\"n\", \"j\"]\n"),
        format!("{PATH}:3: key 'j' is bound to both 'scroll_down' and 'next_article'")
    );
}

#[test]
fn toml_syntax_error_has_its_line() {
    let message = error("theme = \"dark\"\nmeasure = \n");
    assert!(
        message.starts_with(&format!("{PATH}:2: ")),
        "unexpected message: {message}"
    );
}

#[test]
fn duplicate_key_is_a_syntax_error_on_the_second_line() {
    assert_eq!(
        error("mouse = true\nmouse = false\n"),
        format!("{PATH}:2: duplicate key near 'mouse'")
    );
}

#[test]
fn unknown_action_is_reported_by_validate_keys_with_its_line() {
    let config =
        parse("[keys]\nquit = \"q\"\nscrol_down = \"j\"\n").unwrap_or_else(|e| panic!("{e}"));
    let known = ["quit", "scroll_down"];
    let message = config.validate_keys(&known).map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err(format!("{PATH}:3: unknown action 'scrol_down' in [keys]"))
    );
    let fine = parse("[keys]\nquit = \"x\"").unwrap_or_else(|e| panic!("{e}"));
    assert!(fine.validate_keys(&known).is_ok());
}

#[test]
fn no_color_forces_mono_only_when_non_empty() {
    let mut config = parse("theme = \"light\"").unwrap_or_else(|e| panic!("{e}"));
    config.apply_no_color(Some(OsStr::new("")));
    assert_eq!(config.theme, Theme::Light);
    config.apply_no_color(None);
    assert_eq!(config.theme, Theme::Light);
    config.apply_no_color(Some(OsStr::new("1")));
    assert_eq!(config.theme, Theme::Mono);
}

fn temp_file(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn missing_file_at_default_location_gives_defaults() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("config.toml");
    let config = Config::load_from(None, Some(&missing), None).map_err(|e| e.to_string());
    assert_eq!(config, Ok(Config::default()));
}

#[test]
fn missing_file_given_explicitly_is_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("nope.toml");
    let message = Config::load_from(Some(&missing), None, None).map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err(format!("{}: no such config file", missing.display()))
    );
}

#[test]
fn explicit_path_overrides_the_default_and_no_color_applies() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let explicit = temp_file(&dir, "measure = 50\ntheme = \"light\"\n");
    let default = dir.path().join("default.toml");
    std::fs::write(&default, "measure = 99").unwrap_or_else(|e| panic!("{e}"));
    let config = Config::load_from(Some(&explicit), Some(&default), Some(OsStr::new("1")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.measure, 50);
    assert_eq!(config.theme, Theme::Mono);
}

#[test]
fn errors_from_a_loaded_file_name_that_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = temp_file(&dir, "mouse = true\nmesure = 72\n");
    let message = Config::load_from(Some(&path), None, None).map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err(format!("{}:2: unknown key 'mesure'", path.display()))
    );
}

#[test]
fn file_that_is_not_utf8_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"theme = \"\xff\"").unwrap_or_else(|e| panic!("{e}"));
    let message = Config::load_from(Some(&path), None, None).map_err(|e| e.to_string());
    let expected_start = format!("{}: cannot read: ", path.display());
    assert!(message.is_err_and(|m| m.starts_with(&expected_start)));
}

fn defaults() -> KeyBindings {
    let mut bindings = KeyBindings::new();
    bindings.insert("scroll_down".into(), vec![key("j"), key("down")]);
    bindings.insert("next_article".into(), vec![key("tab")]);
    bindings.insert("quit".into(), vec![key("q")]);
    bindings
}

#[test]
fn user_keys_replace_defaults_and_take_their_keys_away() {
    let mut config =
        parse("[keys]\nnext_article = [\"j\"]\nquit = []\n").unwrap_or_else(|e| panic!("{e}"));
    config.merge_default_keys(&defaults());
    assert_eq!(config.keys["next_article"], vec![key("j")]);
    // j now belongs to next_article, so scroll_down keeps only down.
    assert_eq!(config.keys["scroll_down"], vec![key("down")]);
    assert_eq!(config.keys["quit"], Vec::<KeySpec>::new());
}

#[test]
fn print_config_round_trips_through_parse() {
    let text = r#"
theme = "mono"
measure = 100
justify = true
ambiguous_width = "narrow"
mouse = true
[search]
fold_chinese_variants = true
[keys]
help = ["?", "F1"]
scroll_down = ["J", "shift-tab", "ctrl-alt-pagedown", "space", "-", "\""]
"#;
    let mut config = parse(text).unwrap_or_else(|e| panic!("{e}"));
    config.merge_default_keys(&defaults());
    let printed = config.to_toml();
    let reparsed = parse(&printed).unwrap_or_else(|e| panic!("{e}\n{printed}"));
    assert_eq!(reparsed, config);
}

#[test]
fn print_config_writes_every_field() {
    let printed = Config::default().to_toml();
    for field in [
        "theme = \"dark\"",
        "measure = 80",
        "justify = false",
        "ambiguous_width = \"auto\"",
        "mouse = false",
        "[search]",
        "fold_chinese_variants = false",
    ] {
        assert!(printed.contains(field), "{field} missing from:\n{printed}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_parses_or_gives_an_error_naming_the_file(text in "(?s).{0,200}") {
            if let Err(e) = parse(&text) {
                prop_assert!(e.to_string().starts_with(PATH));
            }
        }

        #[test]
        fn any_key_table_entry_parses_or_gives_an_error(spec in "\\PC{0,12}") {
            let text = format!("[keys]\nquit = {:?}\n", spec);
            if let Err(e) = parse(&text) {
                prop_assert!(e.to_string().starts_with(PATH));
            }
        }
    }
}
