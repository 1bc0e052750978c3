//! Issue 12's regression floors: the scorer (`tests/support/score.rs`,
//! also `cargo run --release --example score`) run over the validation
//! editions in `tests/corpus/editions/valid/` (extracted text and gold,
//! rebuilt by `scripts/build_editions.sh`), per extractor. A missing
//! validation set fails, naming where it was looked for.
//!
//! Also here: the scorer checked on the four shared layouts (whose parse
//! `parse_layouts.rs` holds to gold; here the scorer must agree: all exact,
//! nothing lost or duplicated) and on small hand-made cases of each kind
//! of miss.

#![allow(clippy::unwrap_used)]

#[path = "support/score.rs"]
mod score;
#[path = "support/shared.rs"]
mod shared;

use std::path::PathBuf;

use score::{EditionScore, Extra, Gold, GoldArticle, Kind, ParsedArticle};

/// Per extractor: the least share of articles exactly right (percent), and
/// the most characters lost and duplicated (`None`: not checked).
///
/// Set just under what the parser reaches on the 34 validation editions
/// (600 articles; measured 67.0% pdfminer, 55.3% pdftotext, 80.7% mutool,
/// 57.7% pdftotext -layout exact; 0–1 characters lost, none duplicated),
/// so that a regression fails. Issue 12's goal is 92/88/92/75% and nothing
/// lost: raise these as the parser gets there, never lower them to let a
/// change through. The test prints the measured figures as rows of this
/// table.
const FLOORS: &[(&str, f64, Option<usize>, Option<usize>)] = &[
    ("pdfminer", 66.5, Some(1), Some(0)),
    ("pdftotext", 55.0, Some(1), Some(0)),
    ("mutool", 80.0, Some(1), Some(0)),
    ("pdftotext-layout", 57.0, Some(1), Some(0)),
];

fn validation_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/editions/valid"
    ))
}

#[test]
fn validation_editions_hold_their_floors() {
    let dir = validation_dir();
    assert!(
        dir.is_dir(),
        "no validation editions: looked for {} (build them with scripts/build_editions.sh, \
         issue 12)",
        dir.display()
    );
    let report = score::score_dirs(std::slice::from_ref(&dir))
        .unwrap_or_else(|e| panic!("scoring {}: {e}", dir.display()));
    println!("{}", score::table(&report.totals));
    println!("measured, as rows of FLOORS:");
    for t in &report.totals {
        println!(
            "    ({:?}, {:.1}, Some({}), Some({})),",
            t.extractor, t.exact_percent, t.lost, t.duplicated
        );
    }
    let mut failures = Vec::new();
    for &(extractor, least_exact, most_lost, most_duplicated) in FLOORS {
        let Some(t) = report.totals_of(extractor) else {
            failures.push(format!("{extractor}: no edition has its text"));
            continue;
        };
        let editions = report
            .editions
            .iter()
            .filter(|e| e.extractor == extractor)
            .count();
        if editions != report.totals.iter().map(|t| t.editions).max().unwrap_or(0) {
            failures.push(format!(
                "{extractor}: only {editions} editions have its text"
            ));
        }
        if t.exact_percent < least_exact {
            failures.push(format!(
                "{extractor}: {:.1}% exact, below {least_exact}%",
                t.exact_percent
            ));
        }
        if most_lost.is_some_and(|most| t.lost > most) {
            failures.push(format!(
                "{extractor}: {} characters lost, over {most_lost:?}",
                t.lost
            ));
        }
        if most_duplicated.is_some_and(|most| t.duplicated > most) {
            failures.push(format!(
                "{extractor}: {} characters duplicated, over {most_duplicated:?}",
                t.duplicated
            ));
        }
    }
    assert!(failures.is_empty(), "below the floors: {failures:#?}");
}

#[test]
fn scorer_finds_the_shared_layouts_exact() {
    let dir = shared::shared("samples/layouts");
    let report = score::score_dirs(std::slice::from_ref(&dir)).unwrap();
    println!("{}", score::table(&report.totals));
    assert_eq!(report.editions.len(), 12, "4 layouts × 3 extractors");
    for s in &report.editions {
        let misses: Vec<String> = s
            .misses
            .iter()
            .map(|m| score::describe_miss(s, m))
            .collect();
        assert!(misses.is_empty(), "{}", misses.concat());
        assert_eq!(
            (s.exact, s.lost, s.duplicated, s.too_many, s.too_few),
            (4, 0, 0, 0, 0),
            "{} [{}]",
            s.edition,
            s.extractor
        );
    }
}

// Small hand-made cases. Each gold article is a few sentences; a parse is
// built by hand in the shape the loader gives.

const A1: &str = "本报讯 12月31日，市交通局召开新闻发布会，宣布城东快速路将于明年六月全线通车。";
const A2: &str = "据介绍，快速路全长十八公里，沿线设置互通立交六座，建成后城东至机场车程缩短一半。";
const B1: &str =
    "本报讯 12月30日，第五届江南读书节在市图书馆开幕，三十余家出版社带来新书两千余种。";
const B2: &str = "读书节为期七天，期间将举办作家讲座、亲子共读和旧书交换等四十多场活动。";
const CAPTION: &str = "图为城东快速路施工现场。（记者 王磊 摄）";

fn gold_article(headline: &[&str], byline: Option<&str>, paragraphs: &[&str]) -> GoldArticle {
    let dateline = paragraphs[0].split('，').next().map(|d| format!("{d}，"));
    GoldArticle {
        page: 1,
        headline_lines: headline.iter().map(|s| (*s).to_owned()).collect(),
        dateline,
        byline: byline.map(str::to_owned),
        paragraphs: paragraphs.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn gold() -> Gold {
    Gold {
        articles: vec![
            gold_article(&["城东快速路明年通车"], Some("李华"), &[A1, A2]),
            gold_article(&["江南读书节开幕"], None, &[B1, B2]),
        ],
        extras: vec![
            Extra {
                page: 1,
                kind: "photo_caption".to_owned(),
                text: CAPTION.to_owned(),
            },
            Extra {
                page: 1,
                kind: "folio".to_owned(),
                text: "第01版 要闻".to_owned(),
            },
            Extra {
                page: 1,
                kind: "folio".to_owned(),
                text: "交通".to_owned(),
            },
        ],
    }
}

/// A parse exactly like gold article `g`.
fn like(g: &GoldArticle) -> ParsedArticle {
    ParsedArticle {
        headline_lines: g.headline_lines.clone(),
        dateline: g
            .dateline
            .as_deref()
            .map(|d| d.trim_end_matches('，').to_owned()),
        byline: g.byline.clone(),
        byline_printed: None,
        paragraphs: g.paragraphs.clone(),
        captions: Vec::new(),
    }
}

fn kinds(s: &EditionScore) -> Vec<(usize, Kind)> {
    s.misses.iter().map(|m| (m.article, m.kind)).collect()
}

fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

#[test]
fn an_exact_parse_scores_everything_right_and_captions_are_not_duplicates() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.captions.push(CAPTION.to_owned());
    let s = score::score(&gold, &[a, like(&gold.articles[1])]);
    assert_eq!((s.exact, s.lost, s.duplicated), (2, 0, 0));
    assert!(s.misses.is_empty());
}

#[test]
fn datelines_compare_without_trailing_marks_and_before_a_reporter_clause() {
    use score::dateline_matches as ok;
    assert!(ok(Some("本报讯 12月31日，"), Some("本报讯 12月31日")));
    assert!(ok(Some("本报讯  12月31日："), Some("本报讯 12月31日")));
    assert!(ok(
        Some("本报北京12月31日讯 记者张明报道："),
        Some("本报北京12月31日讯")
    ));
    assert!(ok(
        Some("本报北京12月31日讯 记者张明报道："),
        Some("本报北京12月31日讯 记者张明报道")
    ));
    assert!(!ok(
        Some("本报北京12月31日讯 记者张明报道："),
        Some("本报北京")
    ));
    // Gold leaves out a date set after 讯 (see `dateline_matches`).
    assert!(ok(Some("本报讯"), Some("本报讯 12月31日")));
    assert!(!ok(Some("本报讯"), Some("本报讯 昨日")));
    assert!(!ok(Some("本报北京讯"), Some("本报北京讯 12月31日")));
    assert!(!ok(Some("本报讯"), None));
    assert!(!ok(None, Some("本报讯")));
    assert!(ok(None, None));
}

#[test]
fn two_articles_read_as_one_are_merged_and_one_too_few() {
    let gold = gold();
    let mut one = like(&gold.articles[0]);
    one.byline = None;
    one.paragraphs = vec![
        A1.into(),
        A2.into(),
        "江南读书节开幕".into(),
        B1.into(),
        B2.into(),
    ];
    let s = score::score(&gold, &[one]);
    assert_eq!(kinds(&s), [(0, Kind::Merged), (1, Kind::Merged)]);
    assert_eq!((s.too_few, s.too_many), (1, 0));
    // The byline's name and parentheses are missing; nothing else.
    assert_eq!((s.lost, s.duplicated), (chars("（李华）"), 0));
}

#[test]
fn a_continuation_given_to_the_next_article_cuts_one_short_and_misplaces_it() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.paragraphs.truncate(1);
    a.byline = None;
    let mut b = like(&gold.articles[1]);
    b.paragraphs.push(A2.into());
    b.byline = Some("李华".into());
    let s = score::score(&gold, &[a, b]);
    assert_eq!(
        kinds(&s),
        [(0, Kind::BodyCutShort), (1, Kind::WrongContinuation)]
    );
    assert_eq!((s.lost, s.duplicated, s.too_few, s.too_many), (0, 0, 0, 0));
}

#[test]
fn a_dropped_paragraph_is_a_short_body_and_lost_text() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.paragraphs.truncate(1);
    let s = score::score(&gold, &[a, like(&gold.articles[1])]);
    assert_eq!(kinds(&s), [(0, Kind::BodyCutShort)]);
    assert_eq!(s.lost, chars(A2));
}

#[test]
fn a_dropped_line_in_mid_article_is_text_lost() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.paragraphs[0] = A1.replace("宣布城东快速路", "");
    let s = score::score(&gold, &[a, like(&gold.articles[1])]);
    assert_eq!(kinds(&s), [(0, Kind::TextLost)]);
    assert_eq!((s.lost, s.duplicated), (chars("宣布城东快速路"), 0));
}

#[test]
fn a_headline_read_as_body_is_glued() {
    let gold = gold();
    let mut b = like(&gold.articles[1]);
    b.headline_lines = vec![];
    b.paragraphs[0] = format!("江南读书节开幕{B1}");
    let s = score::score(&gold, &[like(&gold.articles[0]), b]);
    assert_eq!(kinds(&s), [(1, Kind::HeadlineGlued)]);
    assert_eq!((s.lost, s.duplicated), (0, 0));
}

#[test]
fn a_caption_in_the_body_is_page_text_not_a_duplicate() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.paragraphs.insert(1, CAPTION.into());
    let s = score::score(&gold, &[a, like(&gold.articles[1])]);
    assert_eq!(kinds(&s), [(0, Kind::CaptionInside)]);
    assert_eq!((s.lost, s.duplicated), (0, 0));
}

#[test]
fn a_paragraph_broken_in_two_is_split() {
    let gold = gold();
    let mut b = like(&gold.articles[1]);
    let (head, tail) = B2.split_at(B2.find('，').unwrap() + '，'.len_utf8());
    b.paragraphs = vec![B1.into(), head.into(), tail.into()];
    let s = score::score(&gold, &[like(&gold.articles[0]), b]);
    assert_eq!(kinds(&s), [(1, Kind::ParagraphSplit)]);
}

#[test]
fn a_wrong_headline_a_wrong_dateline_and_a_missing_article() {
    let gold = gold();
    let mut a = like(&gold.articles[0]);
    a.headline_lines = vec!["城东快速路".into(), "明年通车".into()];
    let s = score::score(&gold, &[a]);
    assert_eq!(kinds(&s), [(0, Kind::HeadlineWrong), (1, Kind::NotFound)]);
    assert_eq!(s.too_few, 1);
    assert_eq!(
        s.lost,
        chars("江南读书节开幕") + chars(B1) + chars(B2),
        "the missing article's text is lost"
    );
    let mut a = like(&gold.articles[0]);
    a.dateline = Some("本报讯".into());
    let s = score::score(&gold, &[a, like(&gold.articles[1])]);
    assert_eq!(kinds(&s), [(0, Kind::DatelineWrong)]);
}

#[test]
fn text_printed_twice_is_duplicated() {
    let gold = gold();
    let mut b = like(&gold.articles[1]);
    b.paragraphs.push(B2.into());
    let s = score::score(&gold, &[like(&gold.articles[0]), b]);
    assert_eq!((s.lost, s.duplicated), (0, chars(B2)));
    // A folio line in an article is page text: neither.
    let mut b = like(&gold.articles[1]);
    b.headline_lines.insert(0, "第01版 要闻".into());
    let s = score::score(&gold, &[like(&gold.articles[0]), b]);
    assert_eq!((s.lost, s.duplicated), (0, 0));
    assert_eq!(kinds(&s), [(1, Kind::HeadlineWrong)]);
    // So is a section name that articles also print (`市交通局`), where
    // its characters are beyond gold's count.
    let mut b = like(&gold.articles[1]);
    b.headline_lines.insert(0, "交通".into());
    let s = score::score(&gold, &[like(&gold.articles[0]), b]);
    assert_eq!((s.lost, s.duplicated), (0, 0));
}
