//! Decoding the committed fixtures in `tests/fixtures/encodings/`: each
//! encoded file must decode to exactly its UTF-8 source text, and report the
//! right encoding. The encoded bytes were made by Python's codecs
//! (`make.py`), not by the library under test.
#![allow(clippy::unwrap_used)]

use newsreader::edition::decode::{decode, decode_owned, encoding_for_label, looks_binary};
use newsreader::edition::{LoadOptions, load};

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encodings/");
    std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn source(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

#[track_caller]
fn assert_detected(encoded: &str, expected_text: &str, expected_encoding: &str) {
    let decoded = decode(&fixture(encoded), None);
    assert_eq!(decoded.encoding, expected_encoding, "{encoded}");
    assert_eq!(decoded.text, source(expected_text), "{encoded}");
    assert!(
        decoded.warnings.is_empty(),
        "{encoded}: {:?}",
        decoded.warnings
    );
}

#[test]
fn gbk_simplified_chinese_is_detected_and_decoded_exactly() {
    assert_detected("zh-hans.gbk.txt", "zh-hans.txt", "GBK");
}

#[test]
fn gb18030_four_byte_characters_are_detected_and_decoded_exactly() {
    assert_detected("zh-hans-rare.gb18030.txt", "zh-hans-rare.txt", "gb18030");
}

#[test]
fn big5_traditional_chinese_is_detected_and_decoded_exactly() {
    assert_detected("zh-hant.big5.txt", "zh-hant.txt", "Big5");
}

#[test]
fn big5_hkscs_cantonese_is_detected_and_decoded_exactly() {
    assert_detected("zh-hk.big5hkscs.txt", "zh-hk.txt", "Big5");
}

#[test]
fn shift_jis_japanese_is_detected_and_decoded_exactly() {
    assert_detected("ja.sjis.txt", "ja.txt", "Shift_JIS");
}

#[test]
fn euc_kr_korean_is_detected_and_decoded_exactly() {
    assert_detected("ko.euckr.txt", "ko.txt", "EUC-KR");
}

#[test]
fn windows_1252_english_is_detected_and_decoded_exactly() {
    assert_detected("en-latin1.cp1252.txt", "en-latin1.txt", "windows-1252");
}

#[test]
fn an_unexpected_guess_decodes_but_warns_to_check_the_encoding() {
    let decoded = decode(&fixture("ru.cp1251.txt"), None);
    assert_eq!(decoded.encoding, "windows-1251");
    assert_eq!(decoded.text, source("ru.txt"));
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    assert!(
        decoded.warnings[0].contains("--encoding"),
        "{:?}",
        decoded.warnings
    );
}

#[test]
fn utf8_without_bom_is_taken_as_is() {
    assert_detected("zh-hans.txt", "zh-hans.txt", "UTF-8");
}

#[test]
fn utf8_bom_is_stripped() {
    assert_detected("zh-hans.utf8bom.txt", "zh-hans.txt", "UTF-8");
}

#[test]
fn utf16_little_endian_with_bom_is_decoded() {
    assert_detected("zh-hans.utf16le.txt", "zh-hans.txt", "UTF-16LE");
}

#[test]
fn utf16_big_endian_with_bom_is_decoded() {
    assert_detected("zh-hans.utf16be.txt", "zh-hans.txt", "UTF-16BE");
}

#[test]
fn crlf_line_ends_become_lf() {
    assert_detected("zh-hans.crlf.txt", "zh-hans.txt", "UTF-8");
}

#[test]
fn lone_cr_line_ends_become_lf() {
    assert_detected("zh-hans.cr.txt", "zh-hans.txt", "UTF-8");
}

#[test]
fn tabs_expand_to_stops_every_eight_display_columns() {
    assert_detected("tabs.txt", "tabs.expected.txt", "UTF-8");
}

#[test]
fn controls_and_stray_boms_are_removed_but_newline_and_form_feed_stay() {
    assert_detected("controls.txt", "controls.expected.txt", "UTF-8");
}

#[test]
fn damaged_utf8_stays_utf8_with_one_replacement_and_a_warning() {
    let decoded = decode(&fixture("zh-hans.damaged.txt"), None);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, source("zh-hans.damaged.expected.txt"));
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    assert!(
        decoded.warnings[0].contains("UTF-8"),
        "{:?}",
        decoded.warnings
    );
}

#[test]
fn forced_encoding_overrides_detection() {
    let gbk_bytes = fixture("zh-hans.gbk.txt");
    let forced = decode(&gbk_bytes, encoding_for_label("gbk"));
    assert_eq!(forced.encoding, "GBK");
    assert_eq!(forced.text, source("zh-hans.txt"));

    let hkscs = decode(
        &fixture("zh-hk.big5hkscs.txt"),
        encoding_for_label("big5-hkscs"),
    );
    assert_eq!(hkscs.encoding, "Big5");
    assert_eq!(hkscs.text, source("zh-hk.txt"));

    // Forcing the wrong encoding is obeyed, not second-guessed.
    let wrong = decode(&gbk_bytes, encoding_for_label("shift_jis"));
    assert_eq!(wrong.encoding, "Shift_JIS");
    assert_ne!(wrong.text, source("zh-hans.txt"));
}

#[test]
fn forced_utf16_strips_only_its_own_bom() {
    let decoded = decode(
        &fixture("zh-hans.utf16be.txt"),
        encoding_for_label("utf-16be"),
    );
    assert_eq!(decoded.encoding, "UTF-16BE");
    assert_eq!(decoded.text, source("zh-hans.txt"));
}

#[test]
fn load_reports_the_detected_encoding_on_the_edition() {
    let (edition, _) = load(&fixture("ja.sjis.txt"), None, &LoadOptions::default());
    assert_eq!(edition.encoding, "Shift_JIS");
    let json = serde_json::to_value(&edition).unwrap();
    assert_eq!(json["encoding"], "Shift_JIS");
}

#[test]
fn no_text_fixture_looks_binary_but_one_with_a_nul_byte_does() {
    assert!(
        looks_binary(&fixture("controls.txt")),
        "controls.txt holds a NUL byte"
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encodings");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if path.extension().is_some_and(|e| e == "txt") && name != "controls.txt" {
            assert!(!looks_binary(&fixture(name)), "{name}");
        }
    }
}

#[test]
fn every_fixture_decodes_the_same_from_owned_bytes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encodings/");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for forced in [None, encoding_for_label("utf-8"), encoding_for_label("gbk")] {
            let borrowed = decode(&bytes, forced);
            let owned = decode_owned(bytes.clone(), forced);
            assert_eq!(owned.text, borrowed.text, "{}", path.display());
            assert_eq!(owned.encoding, borrowed.encoding, "{}", path.display());
            assert_eq!(owned.warnings, borrowed.warnings, "{}", path.display());
        }
    }
}

// ----- issue 16: the head decides, and is decoded as the whole is -----

use newsreader::edition::decode::{HEAD_BYTES, decode_head};

/// A long edition text: the sample's pages again and again, well past
/// [`HEAD_BYTES`].
fn long_text() -> String {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt"))
        .unwrap();
    vec![page.as_str(); 3 * HEAD_BYTES / page.len()].join("\x0c")
}

/// Checks that the head of `bytes` decodes as a prefix of the whole, in the
/// encoding the whole is decoded in, and ends at a line end.
#[track_caller]
fn assert_head_agrees(bytes: &[u8], forced: Option<&'static encoding_rs::Encoding>, what: &str) {
    let whole = decode(bytes, forced);
    for cut in [
        HEAD_BYTES,
        HEAD_BYTES - 1,
        HEAD_BYTES - 2,
        HEAD_BYTES / 2 + 1,
    ] {
        let head = decode_head(&bytes[..cut], forced);
        assert_eq!(head.encoding, whole.encoding, "{what}, cut at {cut}");
        assert!(!head.text.is_empty(), "{what}, cut at {cut}");
        assert!(head.text.ends_with('\n'), "{what}, cut at {cut}");
        assert!(
            whole.text.starts_with(&head.text),
            "{what}, cut at {cut}: the head's text is not the whole's start"
        );
    }
}

#[test]
fn a_head_decodes_as_the_start_of_the_whole_in_every_encoding() {
    let text = long_text();
    let crlf = text.replace('\n', "\r\n");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let traditional = text.replace('锡', "錫");
    let (big5, _, _) = encoding_rs::BIG5.encode(&traditional);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let bom_utf8: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .chain(text.as_bytes())
        .copied()
        .collect();
    let cases: [(&str, &[u8]); 7] = [
        ("UTF-8", text.as_bytes()),
        ("UTF-8 with CRLF", crlf.as_bytes()),
        ("UTF-8 with a BOM", &bom_utf8),
        ("GBK", &gbk),
        ("Big5", &big5),
        ("UTF-16LE with a BOM", &utf16le),
        ("UTF-16BE without a BOM", &utf16be_no_bom),
    ];
    for (what, bytes) in cases {
        assert_head_agrees(bytes, None, what);
    }
    assert_head_agrees(&gbk, encoding_for_label("gb18030"), "forced gb18030");
}

#[test]
fn a_utf8_head_decides_for_the_whole_even_with_binary_junk_after_it() {
    // Binary data after the first 64 KiB: the first screen showed UTF-8,
    // and the whole stays UTF-8, the junk replaced, with a warning.
    let mut bytes = long_text().into_bytes();
    let junk: Vec<u8> = (0..200_000_u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 0x80)
        .collect();
    bytes.extend_from_slice(&junk);
    let whole = decode(&bytes, None);
    assert_eq!(whole.encoding, "UTF-8");
    assert_eq!(whole.warnings.len(), 1, "{:?}", whole.warnings);
    assert!(whole.text.contains('\u{FFFD}'));
    assert_head_agrees(&bytes, None, "UTF-8 then junk");
}

#[test]
fn an_ascii_head_leaves_the_encoding_to_the_rest() {
    // 300 KB of ASCII, then GBK: the head reads the same in every
    // encoding, and the whole is GBK.
    let ascii = "Page one of an English supplement.\n".repeat(300_000 / 35);
    let text = long_text();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let bytes: Vec<u8> = ascii.bytes().chain(gbk.iter().copied()).collect();
    let whole = decode(&bytes, None);
    assert_eq!(whole.encoding, "GBK");
    let head = decode_head(&bytes[..HEAD_BYTES], None);
    assert!(whole.text.starts_with(&head.text));
    assert!(head.text.is_ascii());
}
