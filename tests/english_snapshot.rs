//! The English OCR baseline of issue 12: `tests/snapshots/en-*.json` is the
//! `--dump json` of the two English OCR pages in `../shared/samples/` as
//! the parser read them when issue 12's rework began, made with
//!
//! ```sh
//! cargo run --release -- --dump json ../shared/samples/en-chronam-evening-star-dc-1916-01-01-p1.txt \
//!     > tests/snapshots/en-chronam-evening-star-dc-1916-01-01-p1.json
//! cargo run --release -- --dump json ../shared/samples/en-chronam-grand-forks-daily-herald-1916-03-15-p1.txt \
//!     > tests/snapshots/en-chronam-grand-forks-daily-herald-1916-03-15-p1.json
//! ```
//!
//! Reworking the parser for Chinese layouts must not cost these pages a
//! headline it attached right. There is no gold for them, so the check
//! takes the simplest faithful form: every article title of the snapshot
//! (its title lines, joined) is still some article's title in today's
//! parse, and today's articles (headline lines, paragraphs, captions,
//! bylines) still hold every non-whitespace character of the snapshot's
//! paragraphs. A change that fixes a title the snapshot had wrong fails
//! here too: look at both, and if today's is right, remake the snapshot
//! with the commands above in the same commit, saying so.

#![allow(clippy::unwrap_used)]

#[path = "support/shared.rs"]
mod shared;

use std::collections::HashMap;

use newsreader::edition::{self, Edition, LoadOptions};

/// The two pages, by file stem (`../shared/samples/STEM.txt`,
/// `tests/snapshots/STEM.json`).
const PAGES: [&str; 2] = [
    "en-chronam-evening-star-dc-1916-01-01-p1",
    "en-chronam-grand-forks-daily-herald-1916-03-15-p1",
];

fn snapshot(stem: &str) -> Edition {
    let path = format!("{}/tests/snapshots/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn today(stem: &str) -> Edition {
    let path = shared::shared(&format!("samples/{stem}.txt"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    edition::load(
        &bytes,
        Some(&path.to_string_lossy()),
        &LoadOptions::default(),
    )
    .0
}

/// Each article's title lines, joined, counted.
fn titles(edition: &Edition) -> HashMap<String, usize> {
    let mut titles = HashMap::new();
    for article in edition.articles() {
        let title = edition::join_lines(article.headline.title.iter().map(String::as_str));
        if !title.is_empty() {
            *titles.entry(title).or_default() += 1;
        }
    }
    titles
}

fn char_counts<'a>(pieces: impl IntoIterator<Item = &'a String>) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in pieces
        .into_iter()
        .flat_map(|s| s.chars())
        .filter(|c| !c.is_whitespace())
    {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

#[test]
fn every_snapshot_title_is_still_a_title() {
    let mut lost = Vec::new();
    let mut checked = 0;
    for stem in PAGES {
        let mut now = titles(&today(stem));
        let mut then: Vec<(String, usize)> = titles(&snapshot(stem)).into_iter().collect();
        then.sort();
        for (title, count) in then {
            checked += count;
            let left = now.entry(title.clone()).or_default();
            if *left < count {
                lost.push(format!("{stem}: {title:?} ({} of {count} left)", *left));
            }
            *left = left.saturating_sub(count);
        }
    }
    assert!(checked >= 40, "only {checked} titles in the snapshots");
    assert!(
        lost.is_empty(),
        "titles of the snapshot no longer produced: {lost:#?}"
    );
}

#[test]
fn no_paragraph_text_of_the_snapshot_is_lost() {
    for stem in PAGES {
        let then = snapshot(stem);
        let now = today(stem);
        let want = char_counts(then.articles().flat_map(|a| &a.paragraphs));
        let bylines: Vec<String> = now.articles().filter_map(|a| a.byline.clone()).collect();
        let have = char_counts(
            now.articles()
                .flat_map(|a| {
                    a.headline
                        .kicker
                        .iter()
                        .chain(&a.headline.title)
                        .chain(&a.headline.subtitle)
                        .chain(&a.paragraphs)
                        .chain(&a.captions)
                })
                .chain(&bylines),
        );
        let mut missing: Vec<(char, usize)> = want
            .iter()
            .filter_map(|(c, n)| {
                let left = n.saturating_sub(have.get(c).copied().unwrap_or(0));
                (left > 0).then_some((*c, left))
            })
            .collect();
        missing.sort_unstable();
        let total: usize = missing.iter().map(|(_, n)| n).sum();
        assert_eq!(
            total, 0,
            "{stem}: {total} characters of the snapshot's paragraphs are in no article \
             now (dropped {} then, {} now): {missing:?}",
            then.dropped, now.dropped
        );
    }
}
