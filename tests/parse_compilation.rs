//! Article compilations (issue 12, item 10): a day's articles set one after
//! another on plain A4 pages, with a table of contents, spaced-out author
//! lines, source lines (`《人民日报》（2025年10月20日 第 02 版）`),
//! highlights boxes, page footers and page breaks inside articles.
//!
//! `tests/corpus/compilation/{tune,check}` were made by
//! `scripts/compilation.py` from their `articles.json` (Chromium, then
//! pdftotext, pdftotext -layout, mutool and pdfminer); `gold.json` is what
//! was typeset. The
//! parser was tuned on `tune` and `tune-b` (the same articles with no
//! contents, a running head, the author line under a dashed source line
//! `来源：人民日报 2025-10-20 第01版`, labelled `作者：`) only; `check` has
//! other articles, another paper, another body size and so other page
//! breaks.
//!
//! An article is exact when its title lines, byline (the author's names),
//! source line, captions (the highlights box) and every paragraph are
//! gold's. A title heads its article when the parsed article with that
//! title opens with gold's first paragraph.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use std::collections::HashMap;

use newsreader::edition::parse::parse;
use newsreader::edition::{Article, Edition};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/compilation");

/// (set, extractor, exact articles at least, titles heading their article
/// at least), as reached.
const FLOORS: &[(&str, &str, usize, usize)] = &[
    ("tune", "pdftotext", 29, 29),
    ("tune", "mutool", 29, 29),
    ("tune", "pdfminer", 29, 29),
    ("tune", "pdftotext-layout", 29, 29),
    ("tune-b", "pdftotext", 29, 29),
    ("tune-b", "mutool", 29, 29),
    ("tune-b", "pdfminer", 29, 29),
    ("tune-b", "pdftotext-layout", 29, 29),
    ("check", "pdftotext", 27, 28),
    ("check", "mutool", 27, 28),
    ("check", "pdfminer", 27, 28),
    ("check", "pdftotext-layout", 27, 28),
];

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| spaced(s.as_str().unwrap())).collect())
        .unwrap_or_default()
}

fn load(set: &str, tool: &str) -> (String, Edition, Vec<Value>) {
    let text = std::fs::read_to_string(format!("{DIR}/{set}/{tool}.txt")).unwrap();
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/{set}/gold.json")).unwrap())
            .unwrap();
    let edition = parse(&text);
    (text, edition, gold["articles"].as_array().unwrap().clone())
}

fn find<'a>(edition: &'a Edition, gold: &Value) -> Option<&'a Article> {
    let title = compact(&strings(&gold["headline_lines"]).concat());
    edition
        .articles()
        .find(|a| compact(&a.headline.title.concat()) == title)
}

fn heads(edition: &Edition, gold: &Value) -> bool {
    let first = strings(&gold["paragraphs"]).first().map(|p| compact(p));
    find(edition, gold).is_some_and(|a| a.paragraphs.first().map(|p| compact(p)) == first)
}

/// Why `gold` is not exact in `edition`, if it is not.
fn miss(edition: &Edition, gold: &Value) -> Option<String> {
    let Some(a) = find(edition, gold) else {
        return Some("no article under this title".into());
    };
    let title: Vec<String> = a.headline.lines().map(spaced).collect();
    let got = |v: &[String]| v.iter().map(|s| spaced(s)).collect::<Vec<_>>();
    let checks = [
        (
            "title",
            title == strings(&gold["headline_lines"]),
            format!("{title:?}"),
        ),
        (
            "byline",
            a.byline.as_deref() == gold["byline"].as_str(),
            format!("{:?}", a.byline),
        ),
        (
            "source",
            a.source.as_deref().map(spaced) == gold["source"].as_str().map(spaced),
            format!("{:?}", a.source),
        ),
        (
            "dateline",
            a.dateline.is_none(),
            format!("{:?}", a.dateline),
        ),
        (
            "captions",
            got(&a.captions) == strings(&gold["captions"]),
            format!("{:?}", a.captions),
        ),
        (
            "paragraphs",
            got(&a.paragraphs) == strings(&gold["paragraphs"]),
            format!("{} paragraphs", a.paragraphs.len()),
        ),
    ];
    checks
        .into_iter()
        .find(|(_, ok, _)| !ok)
        .map(|(what, _, got)| format!("{what}: {got}"))
}

/// Chars of `input` minus chars of the edition (furniture, headlines,
/// paragraphs, captions, printed credits): the non-zero entries.
fn imbalance(input: &str, edition: &Edition) -> Vec<(char, i64)> {
    let mut counts: HashMap<char, i64> = HashMap::new();
    let mut tally = |s: &str, sign: i64| {
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_default() += sign;
        }
    };
    tally(input, 1);
    for page in &edition.pages {
        page.furniture.iter().for_each(|f| tally(f, -1));
        for a in &page.articles {
            a.headline.lines().for_each(|l| tally(l, -1));
            a.paragraphs.iter().for_each(|p| tally(p, -1));
            a.captions.iter().for_each(|c| tally(c, -1));
            if let Some(b) = &a.byline_printed {
                tally(b, -1);
            }
        }
    }
    let mut out: Vec<(char, i64)> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
    out.sort_unstable();
    out
}

#[test]
fn compilations_read_to_their_gold() {
    let mut failures = Vec::new();
    for &(set, tool, exact_floor, heads_floor) in FLOORS {
        let (_, edition, gold) = load(set, tool);
        let headed = gold.iter().filter(|g| heads(&edition, g)).count();
        let misses: Vec<String> = gold
            .iter()
            .filter_map(|g| miss(&edition, g).map(|m| format!("{}: {m}", g["headline_lines"][0])))
            .collect();
        let exact = gold.len() - misses.len();
        println!(
            "{set}/{tool}: {headed}/{} titles head their article, {exact}/{} exact",
            gold.len(),
            gold.len()
        );
        for m in &misses {
            println!("  {m}");
        }
        if headed < heads_floor || exact < exact_floor {
            failures.push(format!(
                "{set}/{tool}: {headed} headed (floor {heads_floor}), {exact} exact (floor {exact_floor})"
            ));
        }
        if edition.articles().count() != gold.len() {
            failures.push(format!(
                "{set}/{tool}: {} articles, gold has {}",
                edition.articles().count(),
                gold.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn nine_in_ten_contents_titles_head_their_article_in_the_check_compilation() {
    let (_, edition, gold) = load("check", "pdftotext");
    let headed = gold.iter().filter(|g| heads(&edition, g)).count();
    assert!(
        headed * 10 >= gold.len() * 9,
        "{headed} of {} titles head their article",
        gold.len()
    );
}

#[test]
fn compilations_lose_no_character() {
    for set in ["tune", "tune-b", "check"] {
        for tool in ["pdftotext", "pdftotext-layout", "mutool", "pdfminer"] {
            let (text, edition, _) = load(set, tool);
            assert_eq!(edition.dropped, 0, "{set}/{tool}");
            assert_eq!(imbalance(&text, &edition), vec![], "{set}/{tool}");
        }
    }
}

#[test]
fn compilation_furniture_is_page_level() {
    let (_, edition, gold) = load("check", "pdftotext");
    // Every footer is furniture of its page, which it labels.
    let pages: Vec<&Value> = gold.iter().collect();
    assert!(!pages.is_empty());
    for page in &edition.pages {
        let footer = format!("第{}页", page.number);
        assert!(
            page.furniture.iter().any(|f| compact(f) == footer),
            "page {}: {:?}",
            page.number,
            page.furniture
        );
        assert_eq!(page.label.as_deref(), Some(footer.as_str()));
    }
    // The table of contents is the first page's furniture, every title in it.
    let contents = compact(&edition.pages[0].furniture.concat());
    for g in &gold {
        let title = compact(&strings(&g["headline_lines"]).concat());
        assert!(contents.contains(&title), "{title} not in the contents");
    }
    assert!(edition.pages[0].articles.is_empty());
    assert_eq!(edition.title.as_deref(), Some("经济日报"));
    assert_eq!(edition.date.as_deref(), Some("2025年11月3日"));
}

/// Newspapers (the shared layouts, seeds and samples, the fixtures and the
/// sample edition) are never read as compilations: no article of theirs
/// has a source line.
#[test]
fn newspapers_are_not_read_as_compilations() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for layout in ["wuxi-a", "wuxi-b", "wuxi-c", "wuxi-d"] {
        for tool in ["pdftotext", "mutool", "pdfminer"] {
            let rel = format!("samples/layouts/{layout}/{tool}.txt");
            texts.push((rel.clone(), shared::read_shared(&rel)));
        }
    }
    for dir in ["seeds", "samples"] {
        let path = shared::shared_dir().join(dir);
        let mut names: Vec<_> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        for p in names {
            texts.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/parse");
    for e in std::fs::read_dir(fixtures).unwrap() {
        let p = e.unwrap().path();
        texts.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    // The generated training editions of issue 12, one extraction each.
    let editions = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/editions/train");
    if let Ok(dirs) = std::fs::read_dir(editions) {
        for e in dirs {
            let p = e.unwrap().path().join("pdftotext.txt");
            if let Ok(text) = std::fs::read_to_string(&p) {
                texts.push((p.display().to_string(), text));
            }
        }
    }
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");
    texts.push((sample.into(), std::fs::read_to_string(sample).unwrap()));
    assert!(texts.len() >= 15, "{}", texts.len());
    for (name, text) in &texts {
        let edition = parse(text);
        assert!(
            edition.articles().all(|a| a.source.is_none()),
            "{name} was read as a compilation"
        );
    }
}
