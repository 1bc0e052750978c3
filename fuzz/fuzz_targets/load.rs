//! Fuzz target `load`: any bytes through [`newsreader::edition::load`].
//!
//! Checks, besides "no panic, no hang" (libFuzzer's own timeout):
//! - the decoded text holds no control character but `\n` and `\f`, and no
//!   U+FEFF;
//! - "never lose a character" (issue 3), counted per non-whitespace
//!   character: nothing in the edition is invented or duplicated, and what
//!   is missing is exactly the `dropped` tally.
//!
//! As in the model's docs, a dateline is a copy of its first paragraph's
//! opening, a page label and the edition's title and date are copies of
//! page furniture, and a byline is read out of the printed credit
//! (`byline_printed`), so only the printed credit is counted.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use newsreader::edition::{Edition, LoadOptions, decode, load};

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode::decode(bytes, None);
    assert!(
        !decoded.text.contains(is_forbidden),
        "forbidden character in {:?}",
        decoded.text
    );
    let (edition, _) = load(bytes, None, &LoadOptions::default());
    check_no_character_lost(&decoded.text, &edition);
});

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\u{c}') || c == '\u{feff}'
}

/// Non-whitespace characters, counted: input adds, edition subtracts.
#[derive(Default)]
struct Tally(HashMap<char, i64>);

impl Tally {
    fn add(&mut self, text: &str, sign: i64) {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *self.0.entry(c).or_default() += sign;
        }
    }
}

fn check_no_character_lost(text: &str, edition: &Edition) {
    let mut tally = Tally::default();
    tally.add(text, 1);
    for line in edition_lines(edition) {
        tally.add(line, -1);
    }
    let invented: Vec<_> = tally.0.iter().filter(|&(_, &n)| n < 0).collect();
    assert!(invented.is_empty(), "invented or duplicated: {invented:?}");
    let missing: i64 = tally.0.values().sum();
    let dropped = i64::try_from(edition.dropped).unwrap_or(i64::MAX);
    assert_eq!(
        missing,
        dropped,
        "characters missing beyond the dropped tally: {:?}",
        tally.0.iter().filter(|&(_, &n)| n > 0).collect::<Vec<_>>()
    );
}

/// Every piece of text the edition holds that is not a copy of another.
fn edition_lines(edition: &Edition) -> Vec<&str> {
    let mut lines = Vec::new();
    for page in &edition.pages {
        lines.extend(page.furniture.iter().map(String::as_str));
        for article in &page.articles {
            lines.extend(article.headline.lines());
            lines.extend(article.paragraphs.iter().map(String::as_str));
            lines.extend(article.captions.iter().map(String::as_str));
            lines.extend(article.byline_printed.as_deref());
        }
    }
    lines
}
