//! The four real layouts of `shared/samples/layouts`, each read by three
//! extractors, against their `gold.json`.
//!
//! An article matches when its headline lines (as printed: gold breaks a
//! long headline line where the layout did), dateline, byline and every
//! paragraph are exact.
//! Page furniture must give gold's page labels, the paper's name and the
//! date line.
//! Where an article's headline lines are exactly gold's, their roles
//! (kicker or main) must be gold's too.
//! The test prints every file's score and asserts the scores reached so
//! far, so a regression fails.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use newsreader::edition::parse::parse;

/// Articles matched per file, as reached; the test fails below these.
const FLOORS: &[(&str, &str, usize)] = &[
    ("wuxi-a", "pdftotext", 4),
    ("wuxi-a", "pdfminer", 4),
    ("wuxi-a", "mutool", 4),
    ("wuxi-b", "pdftotext", 4),
    ("wuxi-b", "pdfminer", 4),
    ("wuxi-b", "mutool", 4),
    ("wuxi-c", "pdftotext", 4),
    ("wuxi-c", "pdfminer", 4),
    ("wuxi-c", "mutool", 4),
    ("wuxi-d", "pdftotext", 4),
    ("wuxi-d", "pdfminer", 4),
    ("wuxi-d", "mutool", 4),
];

#[test]
fn layout_samples_parse_to_their_gold() {
    let mut failures = Vec::new();
    let mut roles_checked = 0;
    for &(edition, tool, floor) in FLOORS {
        let text = shared::read_shared(&format!("samples/layouts/{edition}/{tool}.txt"));
        let gold = shared::expected_articles(&shared::read_shared(&format!(
            "samples/layouts/{edition}/gold.json"
        )));
        let gold_json = shared::read_shared(&format!("samples/layouts/{edition}/gold.json"));
        let roles = shared::expected_roles(&gold_json);
        let parsed = parse(&text);
        let gold_value: serde_json::Value = serde_json::from_str(&gold_json).unwrap();
        let labels: Vec<Option<String>> = parsed.pages.iter().map(|p| p.label.clone()).collect();
        let gold_labels: Vec<Option<String>> = gold_value["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["label"].as_str().map(str::to_owned))
            .collect();
        if labels != gold_labels {
            failures.push(format!(
                "{edition}/{tool}: labels {labels:?} != {gold_labels:?}"
            ));
        }
        if parsed.title.as_deref() != gold_value["edition"]["newspaper"].as_str() {
            failures.push(format!("{edition}/{tool}: paper {:?}", parsed.title));
        }
        let gold_date = gold_value["extras"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["kind"] == "folio" && x["text"].as_str().is_some_and(|t| t.contains('年')))
            .and_then(|x| x["text"].as_str());
        if parsed.date.as_deref() != gold_date {
            failures.push(format!("{edition}/{tool}: date {:?}", parsed.date));
        }
        for (a, want) in parsed.articles().zip(&gold) {
            // Where the headline lines are exactly gold's, their kicker and
            // main roles must be too.
            let lines: Vec<String> = a.headline.lines().map(str::to_owned).collect();
            if lines == want.headline_lines
                && let Some(r) = roles
                    .iter()
                    .zip(&gold)
                    .find(|(_, g)| g.headline_lines == lines)
            {
                roles_checked += 1;
                let got_roles = shared::actual_roles(a);
                if &got_roles != r.0 {
                    failures.push(format!(
                        "{edition}/{tool}: roles {got_roles:?} != {:?}",
                        r.0
                    ));
                }
            }
        }
        let got = shared::actual_all(&parsed);
        let mut matched = 0;
        for want in &gold {
            let best = got
                .iter()
                .find(|g| g.paragraphs.first() == want.paragraphs.first());
            match best.map(|g| shared::difference(g, want)) {
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
    println!("headline roles checked on {roles_checked} articles");
    assert!(
        roles_checked >= 20,
        "only {roles_checked} headline role checks"
    );
    assert!(failures.is_empty(), "regressions: {failures:?}");
}
