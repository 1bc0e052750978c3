//! Key specs in `[keys]`: parsing, canonical spelling and errors.

use newsreader::config::{KeyName, KeySpec, KeySpecError};

fn spec(code: KeyName, ctrl: bool, alt: bool, shift: bool) -> KeySpec {
    KeySpec {
        code,
        ctrl,
        alt,
        shift,
    }
}

#[test]
fn single_characters_are_character_keys() {
    assert_eq!(KeySpec::parse("j"), Ok(KeySpec::plain(KeyName::Char('j'))));
    assert_eq!(KeySpec::parse("?"), Ok(KeySpec::plain(KeyName::Char('?'))));
    assert_eq!(KeySpec::parse("-"), Ok(KeySpec::plain(KeyName::Char('-'))));
    assert_eq!(
        KeySpec::parse("书"),
        Ok(KeySpec::plain(KeyName::Char('书')))
    );
}

#[test]
fn modifiers_combine_in_any_order_and_case() {
    let expected = spec(KeyName::Char('d'), true, true, false);
    assert_eq!(KeySpec::parse("ctrl-alt-d"), Ok(expected));
    assert_eq!(KeySpec::parse("Alt-CTRL-d"), Ok(expected));
    assert_eq!(KeySpec::parse("meta-ctrl-d"), Ok(expected));
}

#[test]
fn ctrl_minus_is_ctrl_with_the_minus_key() {
    assert_eq!(
        KeySpec::parse("ctrl--"),
        Ok(spec(KeyName::Char('-'), true, false, false))
    );
}

#[test]
fn named_keys_are_case_insensitive_with_aliases() {
    assert_eq!(
        KeySpec::parse("pagedown"),
        Ok(KeySpec::plain(KeyName::PageDown))
    );
    assert_eq!(
        KeySpec::parse("PgDn"),
        Ok(KeySpec::plain(KeyName::PageDown))
    );
    assert_eq!(KeySpec::parse("Escape"), Ok(KeySpec::plain(KeyName::Esc)));
    assert_eq!(
        KeySpec::parse("space"),
        Ok(KeySpec::plain(KeyName::Char(' ')))
    );
}

#[test]
fn function_keys_run_from_f1_to_f24() {
    assert_eq!(KeySpec::parse("F1"), Ok(KeySpec::plain(KeyName::F(1))));
    assert_eq!(KeySpec::parse("f24"), Ok(KeySpec::plain(KeyName::F(24))));
    assert_eq!(
        KeySpec::parse("F25"),
        Err(KeySpecError::UnknownName("F25".into()))
    );
    assert_eq!(
        KeySpec::parse("F0"),
        Err(KeySpecError::UnknownName("F0".into()))
    );
}

#[test]
fn shift_tab_and_backtab_are_the_same_key() {
    let expected = spec(KeyName::Tab, false, false, true);
    assert_eq!(KeySpec::parse("shift-tab"), Ok(expected));
    assert_eq!(KeySpec::parse("backtab"), Ok(expected));
}

#[test]
fn shift_with_a_letter_becomes_the_capital() {
    assert_eq!(
        KeySpec::parse("shift-j"),
        Ok(KeySpec::plain(KeyName::Char('J')))
    );
    assert_eq!(KeySpec::parse("shift-j"), KeySpec::parse("J"));
}

#[test]
fn ctrl_with_a_letter_is_lowercase_whatever_the_case_written() {
    let expected = spec(KeyName::Char('d'), true, false, false);
    assert_eq!(KeySpec::parse("ctrl-D"), Ok(expected));
    assert_eq!(KeySpec::parse("ctrl-shift-d"), Ok(expected));
}

#[test]
fn shift_with_a_symbol_is_an_error() {
    assert_eq!(
        KeySpec::parse("shift-/"),
        Err(KeySpecError::ShiftWithSymbol)
    );
}

#[test]
fn empty_or_modifier_only_specs_have_no_key() {
    assert_eq!(KeySpec::parse(""), Err(KeySpecError::MissingKey));
    assert_eq!(KeySpec::parse("ctrl-"), Err(KeySpecError::MissingKey));
}

#[test]
fn repeated_modifier_is_an_error() {
    assert_eq!(
        KeySpec::parse("ctrl-ctrl-x"),
        Err(KeySpecError::RepeatedModifier("ctrl"))
    );
}

#[test]
fn unknown_name_is_an_error() {
    assert_eq!(
        KeySpec::parse("pagedwn"),
        Err(KeySpecError::UnknownName("pagedwn".into()))
    );
}

#[test]
fn display_writes_the_canonical_spelling() {
    let shown: Vec<String> = [
        "PgDn",
        "Alt-Ctrl-x",
        "backtab",
        "space",
        "f3",
        "shift-k",
        "ctrl--",
    ]
    .iter()
    .filter_map(|s| KeySpec::parse(s).ok())
    .map(|k| k.to_string())
    .collect();
    assert_eq!(
        shown,
        [
            "pagedown",
            "ctrl-alt-x",
            "shift-tab",
            "space",
            "F3",
            "K",
            "ctrl--"
        ]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_spec_text() -> impl Strategy<Value = String> {
        let modifiers = proptest::sample::subsequence(vec!["ctrl-", "alt-", "shift-"], 0..=3);
        let key = prop_oneof![
            "[a-zA-Z0-9?/\\-\" 书]".prop_map(|s| s),
            Just("pagedown".to_owned()),
            Just("tab".to_owned()),
            Just("F12".to_owned()),
            Just("enter".to_owned()),
        ];
        (modifiers, key).prop_map(|(m, k)| format!("{}{k}", m.concat()))
    }

    proptest! {
        #[test]
        fn parsing_the_display_gives_the_same_spec(text in any_spec_text()) {
            if let Ok(parsed) = KeySpec::parse(&text) {
                prop_assert_eq!(KeySpec::parse(&parsed.to_string()), Ok(parsed));
            }
        }
    }
}
