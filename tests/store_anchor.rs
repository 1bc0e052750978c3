//! Re-anchoring bookmarks and the reading position in an edition whose text
//! changed, snippets, article titles and the sidebar orders. Expected
//! offsets are counted by hand in the comments.

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use newsreader::edition::{Anchor, Article, Headline};
use newsreader::store::Store;
use newsreader::store::anchor::{
    Match, Resolution, article_title, resolve, resolve_position, snippet_at,
};
use newsreader::store::order::{Order, sorted};
use support::{article, bookmark, edition, fp};

/// 74 non-whitespace chars: more than the 64 an `ArticleId` hashes, so edits
/// to later paragraphs keep the article's id, as they do in real editions.
const LEDE: &str = "本报讯 7月26日，省委书记信长星来到无锡调研，先后走进企业、园区和社区，详细了解经济运行、科技创新和民生保障等情况，与企业负责人和基层干部深入交流。";
const QUOTE: &str = "他强调，要坚持创新驱动。";

fn at(paragraph: usize, offset: usize) -> Anchor {
    Anchor { paragraph, offset }
}

#[test]
fn snippet_takes_twenty_grapheme_clusters_from_the_anchor() {
    let lead = article("调研", &[LEDE]);
    // 本报讯(1-3) space(4) 7月26日，(5-10) 省委书记信长星来到无(11-20)
    assert_eq!(
        snippet_at(&lead, at(0, 0)),
        "本报讯 7月26日，省委书记信长星来到无"
    );
    // From char 10: 省委书记信长星来到无锡调研，先后走进企业 (20).
    assert_eq!(
        snippet_at(&lead, at(0, 10)),
        "省委书记信长星来到无锡调研，先后走进企业"
    );
}

#[test]
fn snippet_counts_a_combining_sequence_as_one_cluster_and_collapses_spaces() {
    let accented = "e\u{301}".repeat(25);
    let combining = article("t", &[&accented]);
    assert_eq!(snippet_at(&combining, at(0, 0)), "e\u{301}".repeat(20));
    let spaced = article("t", &["one  \n two"]);
    assert_eq!(snippet_at(&spaced, at(0, 0)), "one two");
}

#[test]
fn snippet_past_the_text_is_empty() {
    let short = article("t", &["短文。"]);
    assert_eq!(snippet_at(&short, at(0, 3)), "");
    assert_eq!(snippet_at(&short, at(0, 99)), "");
    assert_eq!(snippet_at(&short, at(5, 0)), "");
}

#[test]
fn article_title_keeps_a_space_between_printed_lines() {
    let cjk = Article {
        headline: Headline {
            title: vec!["奋力推进".into(), "中国式现代化".into()],
            ..Headline::default()
        },
        ..Article::default()
    };
    assert_eq!(article_title(&cjk), "奋力推进 中国式现代化");
    let latin = Article {
        headline: Headline {
            title: vec!["Council votes".into(), "to expand tram".into()],
            ..Headline::default()
        },
        ..Article::default()
    };
    assert_eq!(article_title(&latin), "Council votes to expand tram");
}

#[test]
fn the_first_paragraphs_row_below_the_headline_reads_from_its_start() {
    // `(0, 1)` anchors the first paragraph's first row apart from the
    // article's top (`SetArticle::anchor_at`); its snippet is the row's
    // text, and it resolves back to itself.
    let lead = article("调研", &[LEDE, QUOTE]);
    let mark = bookmark("b", &lead, at(0, 1), 1);
    assert!(LEDE.starts_with(&mark.snippet), "{}", mark.snippet);
    let paper = edition(vec![lead]);
    assert_eq!(
        resolve(&mark, &paper),
        Resolution::Found {
            article_index: 0,
            anchor: at(0, 1),
            how: Match::Exact
        }
    );
}

#[test]
fn unchanged_text_resolves_exactly() {
    let lead = article("调研", &[LEDE, QUOTE]);
    let mark = bookmark("b", &lead, at(1, 3), 1);
    assert_eq!(mark.snippet, "，要坚持创新驱动。");
    let paper = edition(vec![lead]);
    assert_eq!(
        resolve(&mark, &paper),
        Resolution::Found {
            article_index: 0,
            anchor: at(1, 3),
            how: Match::Exact
        }
    );
}

#[test]
fn snippet_moved_within_its_article_is_found_there() {
    let old = article("调研", &[LEDE, QUOTE]);
    let mark = bookmark("b", &old, at(1, 3), 1);
    // A re-extraction put "会上，" before the quote:
    // 会0 上1 ，2 他3 强4 调5 ，6 要7 … so the snippet "，要坚持…" starts at 6.
    let new = article("调研", &[LEDE, "会上，他强调，要坚持创新驱动。"]);
    assert_eq!(old.id, new.id);
    assert_eq!(
        resolve(&mark, &edition(vec![new])),
        Resolution::Found {
            article_index: 0,
            anchor: at(1, 6),
            how: Match::InArticle
        }
    );
}

#[test]
fn of_two_occurrences_the_one_nearest_the_old_anchor_is_taken() {
    let old = article("调研", &[LEDE, "甲。", "乙。", "要坚持创新驱动。"]);
    let mark = bookmark("b", &old, at(3, 0), 1);
    let new = article(
        "调研",
        &[
            LEDE,
            "要坚持创新驱动。",
            "乙。",
            "丙。",
            "又说要坚持创新驱动。",
        ],
    );
    assert_eq!(old.id, new.id);
    // Paragraph 1 is two paragraphs from the old paragraph 3, paragraph 4 only one.
    assert_eq!(
        resolve(&mark, &edition(vec![new])),
        Resolution::Found {
            article_index: 0,
            anchor: at(4, 2),
            how: Match::InArticle
        }
    );
}

#[test]
fn snippet_moved_to_another_article_is_found_there() {
    let old = article("调研", &[LEDE, QUOTE]);
    let mark = bookmark("b", &old, at(1, 3), 1);
    let first = article("调研", &[LEDE]);
    // 会0 议1 指2 出3 ：4 他5 强6 调7 ，8 — the snippet starts at 8.
    let second = article("会议", &["会议指出：他强调，要坚持创新驱动。"]);
    assert_eq!(
        resolve(&mark, &edition(vec![first, second])),
        Resolution::Found {
            article_index: 1,
            anchor: at(0, 8),
            how: Match::InEdition
        }
    );
}

#[test]
fn rewrapped_latin_text_still_resolves_exactly() {
    let old = article("Tram", &["The council voted to expand the tram line."]);
    let mark = bookmark("b", &old, at(0, 4), 1);
    assert_eq!(mark.snippet, "council voted to exp");
    let new = article("Tram", &["The  council\nvoted  to expand the tram line."]);
    assert_eq!(
        resolve(&mark, &edition(vec![new])),
        Resolution::Found {
            article_index: 0,
            anchor: at(0, 4),
            how: Match::Exact
        }
    );
}

#[test]
fn vanished_text_is_not_found_and_the_bookmark_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let old = article("调研", &[LEDE, QUOTE]);
    let mark = bookmark("gone", &old, at(1, 3), 1);
    let (mut store, _) = Store::open(dir.path());
    store.add_bookmark(&fp("e"), None, mark.clone()).unwrap();

    let new = article("调研", &[LEDE, "全文删去了这句话。"]);
    let paper = edition(vec![article("别的", &["无关的文字。"]), new]);
    assert_eq!(
        resolve(&mark, &paper),
        Resolution::NotFound {
            article_index: Some(1)
        }
    );
    store
        .add_bookmark(&fp("e"), None, bookmark("other", &old, at(0, 0), 2))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(support::ids(&reopened, &fp("e")), ["gone", "other"]);
}

#[test]
fn short_snippet_is_not_searched_for_in_other_articles() {
    let old = article("短", &["甲乙丙。"]);
    // From offset 1: "乙丙。", 3 non-whitespace chars.
    let mark = bookmark("b", &old, at(0, 1), 1);
    let paper = edition(vec![article("别的", &["乙丙。"])]);
    assert_eq!(
        resolve(&mark, &paper),
        Resolution::NotFound {
            article_index: None
        }
    );
}

#[test]
fn reading_position_is_re_anchored_like_a_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let old = article("调研", &[LEDE, QUOTE]);
    let (mut store, _) = Store::open(dir.path());
    store
        .set_reading_position(&fp("e"), None, &old, at(1, 3))
        .unwrap();
    let (store, _) = Store::open(dir.path());
    let state = store.edition(&fp("e")).unwrap();
    let new = article("调研", &[LEDE, "会上，他强调，要坚持创新驱动。"]);
    assert_eq!(
        resolve_position(state, &edition(vec![new])),
        Some(Resolution::Found {
            article_index: 0,
            anchor: at(1, 6),
            how: Match::InArticle
        })
    );
}

#[test]
fn sidebar_orders_by_place_in_the_edition_or_by_time() {
    let lead = article("调研", &[LEDE, QUOTE]);
    let second = article("会议", &["会议指出，要持续优化营商环境。"]);
    let late_in_lead = bookmark("late-in-lead", &lead, at(1, 0), 100);
    let in_second = bookmark("in-second", &second, at(0, 2), 200);
    let early_in_lead = bookmark("early-in-lead", &lead, at(0, 10), 300);
    let mut gone = bookmark("gone", &lead, at(1, 0), 50);
    gone.snippet = "已经不在了的文字".into();
    gone.article = second.id.clone();
    gone.anchor = at(7, 0);
    let marks = vec![late_in_lead, in_second, early_in_lead, gone];
    let paper = edition(vec![lead, second]);

    let by_place: Vec<&str> = sorted(&marks, &paper, Order::Position)
        .iter()
        .map(|(b, _)| b.id.as_str())
        .collect();
    assert_eq!(
        by_place,
        ["early-in-lead", "late-in-lead", "in-second", "gone"]
    );
    let by_time: Vec<&str> = sorted(&marks, &paper, Order::Time)
        .iter()
        .map(|(b, _)| b.id.as_str())
        .collect();
    assert_eq!(
        by_time,
        ["gone", "late-in-lead", "in-second", "early-in-lead"]
    );
    assert_eq!(Order::Position.toggled(), Order::Time);
}

proptest::proptest! {
    /// Any text and any anchor: no panic, a snippet of at most 20 clusters,
    /// and a bookmark made at a place inside the text resolves back to it.
    #[test]
    fn snippet_and_resolve_never_panic_and_round_trip(
        paragraphs in proptest::collection::vec("[a-z 无锡日报\u{301}\\n]{0,40}", 1..4),
        paragraph in 0usize..5,
        offset in 0usize..50,
    ) {
        let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let item = article("题", &texts);
        let place = at(paragraph, offset);
        let snippet = snippet_at(&item, place);
        proptest::prop_assert!(unicode_segmentation::UnicodeSegmentation::graphemes(snippet.as_str(), true).count() <= 20);
        let mark = bookmark("b", &item, place, 1);
        let inside = paragraphs.get(paragraph).is_some_and(|p| offset <= p.chars().count());
        let resolution = resolve(&mark, &edition(vec![item]));
        if inside {
            let found = matches!(resolution, Resolution::Found { article_index: 0, anchor, how: Match::Exact | Match::Unchecked } if anchor == place);
            proptest::prop_assert!(found, "{resolution:?}");
        }
    }
}
