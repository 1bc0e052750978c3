//! The four real layouts of `shared/samples/layouts`, each read by three
//! extractors, against their `gold.json`.
//!
//! An article matches when its dateline, byline and every paragraph are
//! exact, and its headline lines joined equal gold's joined: gold breaks a
//! long headline line further where the layout did, and the extractors
//! sometimes put those pieces on one line, so lines are compared joined.
//! The test prints every file's score and asserts the scores reached so
//! far, so a regression fails.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use newsreader::edition::parse::parse;
use shared::Expected;

/// Articles matched per file, as reached; the test fails below these.
const FLOORS: &[(&str, &str, usize)] = &[
    ("wuxi-a", "pdftotext", 4),
    ("wuxi-a", "pdfminer", 4),
    ("wuxi-a", "mutool", 4),
    ("wuxi-b", "pdftotext", 3),
    ("wuxi-b", "pdfminer", 3),
    ("wuxi-b", "mutool", 3),
    ("wuxi-c", "pdftotext", 4),
    ("wuxi-c", "pdfminer", 3),
    ("wuxi-c", "mutool", 4),
    ("wuxi-d", "pdftotext", 4),
    ("wuxi-d", "pdfminer", 3),
    ("wuxi-d", "mutool", 4),
];

fn joined(e: &Expected) -> Expected {
    Expected {
        headline_lines: vec![e.headline_lines.concat()],
        ..e.clone()
    }
}

#[test]
fn layout_samples_parse_to_their_gold() {
    let mut failures = Vec::new();
    for &(edition, tool, floor) in FLOORS {
        let text = shared::read_shared(&format!("samples/layouts/{edition}/{tool}.txt"));
        let gold = shared::expected_articles(&shared::read_shared(&format!(
            "samples/layouts/{edition}/gold.json"
        )));
        let got = shared::actual_all(&parse(&text));
        let mut matched = 0;
        for want in &gold {
            let want = joined(want);
            let best = got
                .iter()
                .map(joined)
                .find(|g| g.paragraphs.first() == want.paragraphs.first());
            match best.as_ref().map(|g| shared::difference(g, &want)) {
                Some(None) => matched += 1,
                Some(Some(d)) => println!("{edition}/{tool}: {d}"),
                None => println!(
                    "{edition}/{tool}: no article starts {:?}",
                    want.paragraphs
                        .first()
                        .map(|p| p.chars().take(16).collect::<String>())
                ),
            }
        }
        println!(
            "{edition}/{tool}: {matched}/{} articles exact, {} parsed",
            gold.len(),
            got.len()
        );
        if matched < floor {
            failures.push(format!("{edition}/{tool}: {matched} < {floor}"));
        }
    }
    assert!(failures.is_empty(), "regressions: {failures:?}");
}
