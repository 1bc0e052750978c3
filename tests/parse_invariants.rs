//! The parser never panics, never hangs and never loses a character: every
//! non-whitespace char of the input ends up exactly once in the edition
//! (headline, paragraph — the dateline counted once, inside paragraph 0 —
//! byline credit, caption or page furniture), except the chars counted in
//! `Edition::dropped`.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use newsreader::edition::Edition;
use newsreader::edition::parse::parse;
use proptest::prelude::*;

fn tally(text: &str, counts: &mut HashMap<char, i64>, sign: i64) {
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() += sign;
    }
}

/// Chars of the input minus chars of the edition: all zero when nothing
/// was lost or duplicated. Returns the non-zero entries.
fn imbalance(input: &str, edition: &Edition) -> Vec<(char, i64)> {
    let mut counts = HashMap::new();
    tally(input, &mut counts, 1);
    for page in &edition.pages {
        page.furniture
            .iter()
            .for_each(|f| tally(f, &mut counts, -1));
        for a in &page.articles {
            a.headline.lines().for_each(|l| tally(l, &mut counts, -1));
            a.paragraphs.iter().for_each(|p| tally(p, &mut counts, -1));
            a.captions.iter().for_each(|c| tally(c, &mut counts, -1));
            if let Some(b) = &a.byline_printed {
                tally(b, &mut counts, -1);
            }
        }
    }
    let mut out: Vec<(char, i64)> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
    out.sort_unstable();
    out
}

fn assert_no_char_lost(input: &str) {
    let edition = parse(input);
    let missing = imbalance(input, &edition);
    let missing_total: i64 = missing.iter().map(|(_, n)| *n).sum();
    assert!(
        missing.iter().all(|(_, n)| *n > 0),
        "chars duplicated: {missing:?}"
    );
    assert_eq!(
        usize::try_from(missing_total).unwrap(),
        edition.dropped,
        "chars lost beyond the dropped tally: {missing:?}"
    );
}

#[test]
fn empty_and_blank_inputs_give_an_edition_without_articles() {
    for input in ["", " ", "\n\n\n", "\u{c}", "\u{c}\u{c}\n \u{3000}\n"] {
        let edition = parse(input);
        assert_eq!(edition.article_count(), 0, "{input:?}");
    }
}

#[test]
fn binary_looking_text_loses_nothing() {
    let input: String = (0u32..4000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x3_0000))
        .collect();
    assert_no_char_lost(&input);
}

#[test]
fn sample_edition_loses_nothing() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt"))
        .unwrap();
    assert_no_char_lost(&text);
}

#[test]
fn ten_megabyte_single_article_parses() {
    let line = "会议指出，今年以来，在全市上下的共同努力下，上半年经济\n";
    let mut input = String::from("市委常委会会议召开\n本报讯 7月26日，市委常委会会议召开，深\n");
    while input.len() < 10_000_000 {
        input.push_str(line);
    }
    input.push_str("落到实处。（高美梅）\n");
    let edition = parse(&input);
    assert_eq!(edition.article_count(), 1);
    assert_no_char_lost(&input);
}

fn line_strategy() -> impl Strategy<Value = String> {
    let body = "[会议指出今年以来在全市上下的共同努力经济运行呈现高开稳走]{10,17}[，。、”）]?";
    prop_oneof![
        4 => body.prop_map(|s| s),
        1 => Just(String::new()),
        1 => "[市委外事工作委员会召开会议韩国吉佳蓝公司]{4,22}".prop_map(|s| s),
        1 => "[张李王][一二三]".prop_map(|s| format!("落到实处。（{s}）")),
        1 => "[张李王][一二三]".prop_map(|s| format!("本报记者 {s}")),
        1 => Just("本报讯 7月26日，市委常委会".to_owned()),
        1 => Just("\u{c}第01版 要闻".to_owned()),
        1 => Just("（下转第2版）".to_owned()),
        1 => Just("（上接第1版）".to_owned()),
        1 => Just("图为会议现场。（记者 周洁 摄）".to_owned()),
        1 => Just("2024年7月27日 星期六".to_owned()),
        1 => "[A-Za-z ,.-]{1,40}".prop_map(|s| s),
        1 => any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_editions_lose_no_character(lines in prop::collection::vec(line_strategy(), 0..80)) {
        let input = lines.join("\n");
        assert_no_char_lost(&input);
    }

    #[test]
    fn english_ocr_editions_lose_nothing_but_counted_hyphens(
        lines in prop::collection::vec(prop_oneof![
            3 => "[a-z][a-z ,.]{10,40}-?",
            1 => "[A-Z ]{4,20}",
            1 => "[A-Z][a-z]+ [A-Z][a-z]+",
            1 => Just("WASHINGTON, Jan. 1.—The".to_owned()),
            1 => Just("By JOHN SMITH".to_owned()),
            1 => "[^a-zA-Z0-9\\s]{2,12}",
        ], 0..60)
    ) {
        let input = lines.join("\n");
        assert_no_char_lost(&input);
    }

    #[test]
    fn arbitrary_text_never_panics_or_loses_chars(input in any::<String>()) {
        assert_no_char_lost(&input);
    }
}
