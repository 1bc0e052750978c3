//! Fuzz target `load`: any bytes through [`newsreader::edition::load`].
//!
//! Checks, besides "no panic, no hang" (libFuzzer's own timeout):
//! - the decoded text holds no control character but `\n` and `\f`, and no
//!   U+FEFF;
//! - "never lose a character" (issue 3), as far as it can be checked
//!   cheaply: counted per character, nothing in the edition is invented or
//!   duplicated, and the non-whitespace characters missing from the edition
//!   are at most the `dropped` tally plus the two parentheses around each
//!   byline (`（高美梅）` gives the byline `高美梅`).
//!
//! A dateline is a copy of its first paragraph's opening, and a page label
//! or the edition's title and date are copies of page furniture, so each is
//! counted only when the text it copies is not already in the edition.
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
    let bylines = edition.articles().filter(|a| a.byline.is_some()).count();
    let allowed = i64::try_from(edition.dropped + 2 * bylines).unwrap_or(i64::MAX);
    assert!(
        missing <= allowed,
        "{missing} characters lost, {allowed} accounted for"
    );
}

/// Every piece of text the edition holds, each copied text once.
fn edition_lines(edition: &Edition) -> Vec<&str> {
    let mut lines = Vec::new();
    for page in &edition.pages {
        lines.extend(page.furniture.iter().map(String::as_str));
        for article in &page.articles {
            lines.extend(article.headline.lines());
            lines.extend(article.paragraphs.iter().map(String::as_str));
            lines.extend(article.captions.iter().map(String::as_str));
            lines.extend(article.byline.as_deref());
            let first = article.paragraphs.first().map_or("", String::as_str);
            lines.extend(
                article
                    .dateline
                    .as_deref()
                    .filter(|d| !squeezed(first).starts_with(&squeezed(d))),
            );
        }
    }
    let furniture: String = edition
        .pages
        .iter()
        .flat_map(|p| &p.furniture)
        .map(|l| squeezed(l))
        .collect();
    let copies = edition.pages.iter().map(|p| p.label.as_deref());
    let copies = copies.chain([edition.title.as_deref(), edition.date.as_deref()]);
    lines.extend(
        copies
            .flatten()
            .filter(|c| !furniture.contains(&squeezed(c))),
    );
    lines
}

/// `text` without whitespace, for containment tests that ignore line breaks.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
