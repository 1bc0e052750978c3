//! Test helpers shared by the `parse_*` tests: the shared folder (found by
//! `support/shared.rs`, the one helper that locates it) and comparing an
//! edition with an expected article list.

#![allow(dead_code)]

use newsreader::edition::parse::parse;
use newsreader::edition::{Article, Edition};
use serde_json::Value;

#[path = "../support/shared.rs"]
mod dir;
#[allow(unused_imports)]
pub use dir::{read_shared, shared, shared_dir};

/// One expected article: headline lines, dateline, byline, paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub headline_lines: Vec<String>,
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub paragraphs: Vec<String>,
}

/// The expected articles of a `seed.json` or `gold.json`.
pub fn expected_articles(json: &str) -> Vec<Expected> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    let strings = |a: &Value, k: &str| -> Vec<String> {
        a[k].as_array()
            .map(|xs| {
                xs.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| Expected {
            headline_lines: strings(a, "headline_lines"),
            dateline: a["dateline"].as_str().map(str::to_owned),
            byline: a["byline"].as_str().map(str::to_owned),
            paragraphs: strings(a, "paragraphs"),
        })
        .collect()
}

/// What the parser made of an article, in the shape of [`Expected`].
pub fn actual(article: &Article) -> Expected {
    Expected {
        headline_lines: article.headline.lines().map(str::to_owned).collect(),
        dateline: article.dateline.clone(),
        byline: article.byline.clone(),
        paragraphs: article.paragraphs.clone(),
    }
}

/// All articles of an edition as [`Expected`].
pub fn actual_all(edition: &Edition) -> Vec<Expected> {
    edition.articles().map(actual).collect()
}

/// A short description of how `got` differs from `want`, or `None`.
pub fn difference(got: &Expected, want: &Expected) -> Option<String> {
    if got.headline_lines != want.headline_lines {
        return Some(format!(
            "headline {:?} != {:?}",
            got.headline_lines, want.headline_lines
        ));
    }
    if got.dateline != want.dateline {
        return Some(format!(
            "dateline {:?} != {:?}",
            got.dateline, want.dateline
        ));
    }
    if got.byline != want.byline {
        return Some(format!("byline {:?} != {:?}", got.byline, want.byline));
    }
    for (k, (g, w)) in got.paragraphs.iter().zip(&want.paragraphs).enumerate() {
        if g != w {
            let common = g.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
            let tail = |s: &str| {
                s.chars()
                    .skip(common.saturating_sub(8))
                    .take(30)
                    .collect::<String>()
            };
            return Some(format!(
                "paragraph {k} differs at char {common}: {:?} != {:?}",
                tail(g),
                tail(w)
            ));
        }
    }
    if got.paragraphs.len() != want.paragraphs.len() {
        return Some(format!(
            "{} paragraphs != {}; last got {:?}",
            got.paragraphs.len(),
            want.paragraphs.len(),
            got.paragraphs
                .last()
                .map(|p| p.chars().take(30).collect::<String>())
        ));
    }
    None
}

/// Gold `headline_roles` (`kicker` or `main`) of each article, in order.
pub fn expected_roles(json: &str) -> Vec<Vec<String>> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            a["headline_roles"]
                .as_array()
                .map(|xs| {
                    xs.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// The roles the parser gave an article's headline lines, in gold's terms.
pub fn actual_roles(article: &Article) -> Vec<String> {
    let h = &article.headline;
    h.kicker
        .iter()
        .map(|_| "kicker".to_owned())
        .chain(h.title.iter().chain(&h.subtitle).map(|_| "main".to_owned()))
        .collect()
}

/// Parses `tests/fixtures/parse/<name>`.
pub fn fixture(name: &str) -> Edition {
    let path = format!("{}/tests/fixtures/parse/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap())
}

/// The expected parse of one article, from borrowed parts.
pub fn article(
    headline: &[&str],
    dateline: Option<&str>,
    byline: Option<&str>,
    paragraphs: &[&str],
) -> Expected {
    let owned = |xs: &[&str]| xs.iter().map(|s| (*s).to_owned()).collect();
    Expected {
        headline_lines: owned(headline),
        dateline: dateline.map(str::to_owned),
        byline: byline.map(str::to_owned),
        paragraphs: owned(paragraphs),
    }
}

/// Asserts `edition` parses to exactly `want`, article by article.
#[track_caller]
pub fn assert_articles(edition: &Edition, want: &[Expected]) {
    let got = actual_all(edition);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "article {i}");
    }
    assert_eq!(got.len(), want.len(), "article count: {got:#?}");
}
