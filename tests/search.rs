//! Search over small hand-built editions: folding, mapping back to the
//! original text, and stepping with `n`/`N`.

use newsreader::edition::{Anchor, Article, Edition};
use newsreader::search::{Hit, Place, Position, Query, SearchIndex, SearchOptions};

#[path = "support/editions.rs"]
mod support;

/// An article with these paragraphs and captions.
fn captioned(title: &str, paragraphs: &[&str], captions: &[&str]) -> Article {
    Article {
        captions: captions.iter().map(|c| (*c).to_owned()).collect(),
        ..support::article(title, paragraphs)
    }
}

fn hit(article: usize, place: Place, range: std::ops::Range<usize>) -> Hit {
    Hit {
        article,
        place,
        range,
    }
}

fn search(edition: &Edition, query: &str) -> Vec<Hit> {
    SearchIndex::new(edition, SearchOptions::default())
        .search(edition, query)
        .hits()
        .to_vec()
}

#[test]
fn cjk_phrase_is_found_in_paragraph_with_char_offsets() {
    let e = support::edition_of(vec![vec![captioned(
        "标题",
        &["本报讯 市委常委会会议召开。"],
        &[],
    )]]);
    // 本报讯␠ is 4 chars, so 市委常委会 starts at char 4 and ends at 9.
    assert_eq!(
        search(&e, "市委常委会"),
        vec![hit(0, Place::Paragraph(0), 4..9)]
    );
}

#[test]
fn phrase_broken_across_a_column_in_print_is_found_in_the_rejoined_paragraph() {
    // In print "深入学习" was split "深" | "入学习" over two columns; the
    // parser rejoins the paragraph, so the text holds it whole.
    let e = support::edition_of(vec![vec![captioned(
        "题",
        &["会议召开，深入学习贯彻。"],
        &[],
    )]]);
    assert_eq!(
        search(&e, "深入学习"),
        vec![hit(0, Place::Paragraph(0), 5..9)]
    );
}

#[test]
fn latin_letters_match_regardless_of_case() {
    let e = support::edition_of(vec![vec![captioned(
        "News",
        &["The SENATE met; the senate rose."],
        &[],
    )]]);
    assert_eq!(
        search(&e, "Senate"),
        vec![
            hit(0, Place::Paragraph(0), 4..10),
            hit(0, Place::Paragraph(0), 20..26),
        ]
    );
}

#[test]
fn fullwidth_and_halfwidth_forms_match_each_other_both_ways() {
    let e = support::edition_of(vec![vec![captioned(
        "题",
        &["型号ＡＢＣ１２３上市", "型号abc123上市"],
        &[],
    )]]);
    let expected = vec![
        hit(0, Place::Paragraph(0), 2..8),
        hit(0, Place::Paragraph(1), 2..8),
    ];
    assert_eq!(search(&e, "ABC123"), expected);
    assert_eq!(search(&e, "ａｂｃ１２３"), expected);
}

#[test]
fn ideographic_space_matches_ascii_space() {
    let e = support::edition_of(vec![vec![captioned("题", &["第1版　要闻"], &[])]]);
    assert_eq!(
        search(&e, "1版 要"),
        vec![hit(0, Place::Paragraph(0), 1..5)]
    );
}

#[test]
fn halfwidth_katakana_match_maps_back_to_the_longer_original() {
    // ｶﾞｲﾄﾞ is 5 chars folding to ガイド (3); "x" before it is char 0.
    let e = support::edition_of(vec![vec![captioned("t", &["xｶﾞｲﾄﾞy"], &[])]]);
    assert_eq!(
        search(&e, "ガイド"),
        vec![hit(0, Place::Paragraph(0), 1..6)]
    );
    // Searching after the merge point still maps right: y is original char 6.
    assert_eq!(search(&e, "y"), vec![hit(0, Place::Paragraph(0), 6..7)]);
}

#[test]
fn headline_lines_and_captions_are_searched_with_their_places() {
    let mut a = captioned("无锡新闻", &["正文无锡。"], &["图为无锡"]);
    a.headline.kicker = vec!["引题".into()];
    a.headline.subtitle = vec!["副题无锡".into()];
    let e = support::edition_of(vec![vec![a]]);
    // lines(): kicker (0), title (1), subtitle (2).
    assert_eq!(
        search(&e, "无锡"),
        vec![
            hit(0, Place::HeadlineLine(1), 0..2),
            hit(0, Place::HeadlineLine(2), 2..4),
            hit(0, Place::Paragraph(0), 2..4),
            hit(0, Place::Caption(0), 2..4),
        ]
    );
}

#[test]
fn dateline_and_byline_are_searched_between_headline_and_paragraphs() {
    let mut a = support::article("无锡新闻", &["本报讯 无锡消息。"]);
    a.dateline = Some("本报讯 无锡".into());
    a.byline = Some("高美梅".into());
    let e = support::edition_of(vec![vec![a]]);
    assert_eq!(
        search(&e, "无锡"),
        vec![
            hit(0, Place::HeadlineLine(0), 0..2),
            hit(0, Place::Dateline, 4..6),
            hit(0, Place::Paragraph(0), 4..6),
        ]
    );
    let byline = search(&e, "高美梅");
    assert_eq!(byline, vec![hit(0, Place::Byline, 0..3)]);
    assert_eq!(byline[0].anchor(), Some(Anchor::default()));
}

#[test]
fn match_never_spans_two_fields() {
    let e = support::edition_of(vec![vec![captioned("ab", &["cd"], &[])]]);
    assert!(search(&e, "bc").is_empty());
}

#[test]
fn empty_query_has_no_hits() {
    let e = support::edition_of(vec![vec![captioned("题", &["正文"], &[])]]);
    let index = SearchIndex::new(&e, SearchOptions::default());
    let matches = index.search(&e, "");
    assert!(matches.is_empty());
    assert_eq!(matches.per_article(), &[0]);
    assert!(Query::new("", SearchOptions::default()).is_empty());
}

#[test]
fn query_longer_than_any_text_has_no_hits() {
    let e = support::edition_of(vec![vec![captioned("短", &["短文"], &[])]]);
    assert!(search(&e, "短文短文短文短文短文短文短文").is_empty());
}

#[test]
fn hits_follow_edition_order_across_pages_with_per_article_counts() {
    let e = support::edition_of(vec![
        vec![
            captioned("甲", &["经济", "经济经济"], &[]),
            captioned("乙", &["无"], &[]),
        ],
        vec![captioned("丙", &["经济"], &[])],
    ]);
    let index = SearchIndex::new(&e, SearchOptions::default());
    let matches = index.search(&e, "经济");
    assert_eq!(matches.len(), 4);
    assert_eq!(matches.per_article(), &[3, 0, 1]);
    assert_eq!(matches.count_in(2), 1);
    assert_eq!(matches.count_in(9), 0);
    assert_eq!(matches.in_article(0).len(), 3);
    assert!(matches.in_article(1).is_empty());
    assert_eq!(matches.in_article(2), &[hit(2, Place::Paragraph(0), 0..2)]);
}

#[test]
fn next_and_previous_step_across_articles_and_wrap_around() {
    let e = support::edition_of(vec![vec![
        captioned("甲", &["经济"], &[]),
        captioned("乙", &["无"], &[]),
        captioned("丙", &["经济", "又经济"], &[]),
    ]]);
    let matches = SearchIndex::new(&e, SearchOptions::default()).search(&e, "经济");
    // Hits: 0 = (0, P0, 0), 1 = (2, P0, 0), 2 = (2, P1, 1).
    assert_eq!(matches.next_after(Position::top_of(0)), Some(0));
    assert_eq!(matches.next_after(matches.hits()[0].start()), Some(1));
    assert_eq!(matches.next_after(Position::top_of(1)), Some(1));
    assert_eq!(matches.next_after(matches.hits()[2].start()), Some(0));
    assert_eq!(matches.prev_before(matches.hits()[1].start()), Some(0));
    assert_eq!(matches.prev_before(matches.hits()[0].start()), Some(2));
    let inside = Position::at_anchor(
        2,
        Anchor {
            paragraph: 1,
            offset: 0,
        },
    );
    assert_eq!(matches.prev_before(inside), Some(1));
    assert_eq!(matches.next_after(inside), Some(2));
}

#[test]
fn stepping_with_no_hits_gives_none() {
    let e = support::edition_of(vec![vec![captioned("甲", &["正文"], &[])]]);
    let matches = SearchIndex::new(&e, SearchOptions::default()).search(&e, "无");
    assert_eq!(matches.next_after(Position::top_of(0)), None);
    assert_eq!(matches.prev_before(Position::top_of(0)), None);
}

#[test]
fn hit_anchor_points_at_the_match_in_a_paragraph() {
    let e = support::edition_of(vec![vec![captioned("经济", &["发展经济"], &["经济"])]]);
    let matches = SearchIndex::new(&e, SearchOptions::default()).search(&e, "经济");
    let anchors: Vec<_> = matches.hits().iter().map(Hit::anchor).collect();
    assert_eq!(
        anchors,
        vec![
            Some(Anchor::default()),
            Some(Anchor {
                paragraph: 0,
                offset: 2
            }),
            None,
        ]
    );
}

#[test]
fn chinese_variants_fold_only_when_asked() {
    let e = support::edition_of(vec![vec![captioned("題", &["經濟發展", "经济发展"], &[])]]);
    assert_eq!(
        search(&e, "经济发展"),
        vec![hit(0, Place::Paragraph(1), 0..4)]
    );
    let folding = SearchOptions {
        fold_chinese_variants: true,
    };
    let index = SearchIndex::new(&e, folding);
    let both = vec![
        hit(0, Place::Paragraph(0), 0..4),
        hit(0, Place::Paragraph(1), 0..4),
    ];
    assert_eq!(index.search(&e, "经济发展").hits(), both.as_slice());
    assert_eq!(index.search(&e, "經濟發展").hits(), both.as_slice());
}

#[test]
fn query_compiled_with_other_options_is_refolded_for_the_index() {
    let e = support::edition_of(vec![vec![captioned("題", &["經濟"], &[])]]);
    let folding = SearchOptions {
        fold_chinese_variants: true,
    };
    let query = Query::new("经济", SearchOptions::default());
    let matches = SearchIndex::new(&e, folding).find(&e, &query);
    assert_eq!(matches.hits(), &[hit(0, Place::Paragraph(0), 0..2)]);
}

#[test]
fn edition_without_articles_gives_no_hits() {
    let e = Edition::default();
    let matches = SearchIndex::new(&e, SearchOptions::default()).search(&e, "a");
    assert!(matches.is_empty());
    assert!(matches.per_article().is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_substring_of_a_paragraph_is_found_inside_it(
            text in "[a-cＡ-Ｃ経济ｶﾞ　 ]{1,40}",
            from in 0usize..40,
            take in 1usize..10,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let from = from % chars.len();
            let to = (from + take).min(chars.len());
            let needle: String = chars[from..to].iter().collect();
            let e = support::edition_of(vec![vec![captioned("", &[&text], &[])]]);
            let matches = SearchIndex::new(&e, SearchOptions::default()).search(&e, &needle);
            // A halfwidth sound mark merges with the kana before it (ｶﾞ is
            // ガ), so a needle that cuts such a pair in two is not a
            // substring of the folded text and need not be found.
            let cuts_a_pair = needle.starts_with('ﾞ') || chars.get(to) == Some(&'ﾞ');
            if !cuts_a_pair {
                prop_assert!(!matches.is_empty());
            }
            for hit in matches.hits() {
                prop_assert!(hit.range.start < hit.range.end);
                prop_assert!(hit.range.end <= chars.len());
            }
        }
    }
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_and_query_give_hits_inside_their_fields(
            text in "\\PC{0,40}",
            caption in "\\PC{0,10}",
            query in "\\PC{0,4}",
        ) {
            let e = support::edition_of(vec![vec![captioned(&caption, &[&text], &[&caption])]]);
            let options = SearchOptions { fold_chinese_variants: true };
            let matches = SearchIndex::new(&e, options).search(&e, &query);
            let text_chars = text.chars().count();
            let caption_chars = caption.chars().count();
            for hit in matches.hits() {
                let limit = match hit.place {
                    Place::Paragraph(_) => text_chars,
                    _ => caption_chars,
                };
                prop_assert!(hit.range.start < hit.range.end && hit.range.end <= limit);
            }
        }
    }
}

mod reference {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// On ASCII text, search agrees with lowercasing both sides and
        /// scanning left to right for non-overlapping matches.
        #[test]
        fn ascii_hits_match_a_naive_case_insensitive_scan(
            text in "[aAbB ]{0,30}",
            query in "[abAB]{1,3}",
        ) {
            let e = support::edition_of(vec![vec![captioned("", &[&text], &[])]]);
            let got: Vec<_> = SearchIndex::new(&e, SearchOptions::default())
                .search(&e, &query)
                .hits()
                .iter()
                .map(|h| h.range.clone())
                .collect();
            let (text, query) = (text.to_ascii_lowercase(), query.to_ascii_lowercase());
            let expected: Vec<_> = text
                .match_indices(&query)
                .map(|(at, m)| at..at + m.len())
                .collect();
            prop_assert_eq!(got, expected);
        }
    }
}
