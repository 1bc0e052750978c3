//! Properties of decoding and loading over arbitrary bytes: no input
//! panics, the decoded text never holds a character the parser must not see,
//! and decoding keeps every visible character of valid text.
#![allow(clippy::unwrap_used)]

use newsreader::edition::decode::{
    decode, decode_owned, encoding_for_label, looks_binary, normalise,
};
use newsreader::edition::{LoadOptions, load};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// The normalising rules written the slow, obvious way, char by char, to
/// check the fast scanner against.
fn normalise_by_chars(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\t' => {
                let line_start = out.rfind(['\n', '\u{c}']).map_or(0, |i| i + 1);
                let column = out[line_start..].width();
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
            }
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The characters [`decode`] must never output: controls other than `\n`
/// and `\f` (so no `\r` and no `\t`), and U+FEFF.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\u{c}') || c == '\u{feff}'
}

/// The characters normalising may remove or rewrite: whitespace (tabs and
/// line ends are rewritten), controls and U+FEFF. All others must survive.
fn visible(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !is_forbidden(c))
        .collect()
}

const LABELS: &[&str] = &[
    "utf-8",
    "utf-16le",
    "utf-16be",
    "gb18030",
    "gbk",
    "big5",
    "shift_jis",
    "euc-kr",
    "euc-jp",
    "windows-1252",
];

/// Bytes that look like text more often than uniform bytes do: runs of
/// edition text in several encodings, line ends, controls and raw bytes.
fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("本报讯 7月26日，会议召开。".as_bytes().to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\x0c".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\xb1\xbe\xb1\xa8\xd1\xb6".to_vec()), // 本报讯 in GBK
        any::<u8>().prop_map(|b| vec![b]),
        "[a-z ]{0,12}".prop_map(String::into_bytes),
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

/// `decode_owned` of `bytes` gives exactly what `decode` of them gives.
fn owned_decodes_as_borrowed(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let borrowed = decode(&bytes, None);
    let owned = decode_owned(bytes, None);
    prop_assert_eq!(owned.text, borrowed.text);
    prop_assert_eq!(owned.encoding, borrowed.encoding);
    prop_assert_eq!(owned.warnings, borrowed.warnings);
    Ok(())
}

proptest! {
    #[test]
    fn load_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let (edition, _) = load(&bytes, Some("fuzz.txt"), &LoadOptions::default());
        prop_assert!(!edition.encoding.is_empty());
        let _ = looks_binary(&bytes);
    }

    #[test]
    fn load_never_panics_on_text_like_bytes(bytes in texty_bytes()) {
        let (edition, _) = load(&bytes, None, &LoadOptions::default());
        prop_assert!(!edition.encoding.is_empty());
    }

    #[test]
    fn decoding_owned_bytes_gives_what_decoding_borrowed_bytes_gives(bytes in texty_bytes()) {
        owned_decodes_as_borrowed(bytes)?;
    }

    #[test]
    fn decoding_owned_utf8_gives_what_decoding_borrowed_utf8_gives(
        text in "[a-z 会议，。\t\r\n\u{c}\u{0}\u{85}\u{a0}\u{feff}·]{0,80}",
        bom in any::<bool>(),
    ) {
        let mut bytes = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        owned_decodes_as_borrowed(bytes)?;
    }

    #[test]
    fn decoded_text_has_no_forbidden_characters(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let decoded = decode(&bytes, None);
        prop_assert!(!decoded.text.contains(is_forbidden), "{:?}", decoded.text);
    }

    #[test]
    fn decoded_text_like_bytes_have_no_forbidden_characters(bytes in texty_bytes()) {
        let decoded = decode(&bytes, None);
        prop_assert!(!decoded.text.contains(is_forbidden), "{:?}", decoded.text);
    }

    #[test]
    fn forced_decoding_has_no_forbidden_characters(
        bytes in texty_bytes(),
        label in proptest::sample::select(LABELS),
    ) {
        let decoded = decode(&bytes, encoding_for_label(label));
        prop_assert!(!decoded.text.contains(is_forbidden), "{:?}", decoded.text);
        prop_assert_eq!(decoded.encoding, encoding_for_label(label).unwrap().name());
    }

    #[test]
    fn decoding_valid_utf8_keeps_every_visible_character(text in any::<String>()) {
        let decoded = decode(text.as_bytes(), None);
        prop_assert_eq!(decoded.encoding, "UTF-8");
        prop_assert!(decoded.warnings.is_empty());
        prop_assert_eq!(visible(&decoded.text), visible(&text));
    }

    #[test]
    fn utf16_with_bom_decodes_like_the_same_utf8(text in any::<String>(), big_endian in any::<bool>()) {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            let pair = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            bytes.extend_from_slice(&pair);
        }
        let decoded = decode(&bytes, None);
        prop_assert_eq!(decoded.encoding, if big_endian { "UTF-16BE" } else { "UTF-16LE" });
        prop_assert_eq!(decoded.text, normalise(&text));
    }

    #[test]
    fn normalising_matches_the_char_by_char_rules(
        text in "[a-z 会议，。\t\r\n\u{c}\u{0}\u{1b}\u{7f}\u{85}\u{9f}\u{a0}\u{feff}·]{0,80}",
    ) {
        prop_assert_eq!(normalise(&text), normalise_by_chars(&text));
    }

    #[test]
    fn normalising_text_without_unicode_controls_matches_the_char_by_char_rules(
        text in "[a-z 会议，。\t\r\n\u{c}\u{0}\u{1b}\u{7f}\u{a0}·]{0,80}",
    ) {
        prop_assert_eq!(normalise(&text), normalise_by_chars(&text));
    }

    #[test]
    fn normalising_arbitrary_text_matches_the_char_by_char_rules(text in any::<String>()) {
        prop_assert_eq!(normalise(&text), normalise_by_chars(&text));
    }

    #[test]
    fn normalising_twice_changes_nothing_more(text in "[\\PC\t\r\n\u{c}\u{0}\u{85}\u{feff}]{0,200}") {
        let once = normalise(&text);
        prop_assert_eq!(normalise(&once), once.clone());
        prop_assert_eq!(visible(&once), visible(&text));
    }
}
