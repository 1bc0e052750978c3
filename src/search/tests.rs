//! The index against a reference search that folds every field in full,
//! and what the index keeps.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::edition::{Headline, Page};
use proptest::prelude::*;

/// Pieces of field text: the first three fold to themselves, the rest are
/// changed by folding (fullwidth, capitals, halfwidth kana with a sound
/// mark, U+3000, a traditional character when folding variants).
const PIECES: [&str; 9] = [
    "会议",
    "经济",
    "。",
    "ＡＢＣ１２３",
    "ABC",
    "ｶﾞ",
    "\u{3000}",
    "abc",
    "經",
];

/// One article per entry: headline lines, paragraphs, captions.
type Fields = (Vec<String>, Vec<String>, Vec<String>);

fn edition(articles: &[Fields]) -> Edition {
    let articles = articles
        .iter()
        .map(|(title, paragraphs, captions)| Article {
            headline: Headline {
                title: title.clone(),
                ..Headline::default()
            },
            paragraphs: paragraphs.clone(),
            captions: captions.clone(),
            ..Article::default()
        })
        .collect();
    Edition {
        pages: vec![Page {
            number: 1,
            articles,
            ..Page::default()
        }],
        ..Edition::default()
    }
}

/// Every field folded with [`fold_into`] and scanned left to right for
/// non-overlapping matches of the folded query, chars mapped back.
fn reference(edition: &Edition, query: &str, options: SearchOptions) -> Vec<Hit> {
    let folder = || Folder::new(options.fold_chinese_variants);
    let mut needle = String::new();
    fold_into(&mut folder(), query, &mut needle);
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    for (article, a) in edition.articles().enumerate() {
        for (place, text) in fields_of(a) {
            let mut folded = String::new();
            let map = fold_into(&mut folder(), text, &mut folded);
            let original = |k: usize| map.as_ref().map_or(k, |m| m[k] as usize);
            for (at, m) in folded.match_indices(needle.as_str()) {
                let first = folded[..at].chars().count();
                let last = first + m.chars().count();
                hits.push(Hit {
                    article,
                    place,
                    range: original(first)..original(last),
                });
            }
        }
    }
    hits
}

fn text_of(pieces: &[usize]) -> String {
    pieces.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
}

fn field() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..5).prop_map(|p| text_of(&p))
}

fn article() -> impl Strategy<Value = Fields> {
    (
        prop::collection::vec(field(), 0..3),
        prop::collection::vec(field(), 0..4),
        prop::collection::vec(field(), 0..2),
    )
}

proptest! {
    #[test]
    fn hits_are_those_of_folding_every_field_in_full(
        articles in prop::collection::vec(article(), 0..4),
        query in prop::collection::vec(0..PIECES.len(), 1..3),
        variants in any::<bool>(),
    ) {
        let e = edition(&articles);
        let options = SearchOptions { fold_chinese_variants: variants };
        let query = text_of(&query);
        let got = SearchIndex::new(&e, options).search(&e, &query);
        let expected = reference(&e, &query, options);
        prop_assert_eq!(got.hits(), expected.as_slice());
        let counted: usize = got.per_article().iter().sum();
        prop_assert_eq!(got.per_article().len(), articles.len());
        prop_assert_eq!(counted, got.len());
    }

    #[test]
    fn searching_another_edition_does_not_panic(
        built in prop::collection::vec(article(), 0..3),
        searched in prop::collection::vec(article(), 0..3),
        query in prop::collection::vec(0..PIECES.len(), 1..3),
    ) {
        let (built, searched) = (edition(&built), edition(&searched));
        let index = SearchIndex::new(&built, SearchOptions::default());
        let matches = index.search(&searched, &text_of(&query));
        prop_assert_eq!(matches.per_article().len(), built.article_count());
    }
}

#[test]
fn hits_at_field_starts_and_ends_match_the_reference() {
    let fields = |texts: &[&str]| texts.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
    let e = edition(&[
        (
            fields(&["ＡＢＣ会议", "会议ABC"]),
            fields(&["会议经济会议", "ｶﾞ会议ｶﾞ", "会议\u{3000}会议"]),
            fields(&["经济会议"]),
        ),
        (fields(&["会议"]), fields(&["abc会议abc", "经济"]), vec![]),
    ]);
    let options = SearchOptions::default();
    let index = SearchIndex::new(&e, options);
    for (query, expected) in [
        // Chars worked out by hand: ＡＢＣ会议 is 5 chars, ｶﾞ is 2.
        (
            "会议",
            vec![
                (0, Place::HeadlineLine(0), 3..5),
                (0, Place::HeadlineLine(1), 0..2),
                (0, Place::Paragraph(0), 0..2),
                (0, Place::Paragraph(0), 4..6),
                (0, Place::Paragraph(1), 2..4),
                (0, Place::Paragraph(2), 0..2),
                (0, Place::Paragraph(2), 3..5),
                (0, Place::Caption(0), 2..4),
                (1, Place::HeadlineLine(0), 0..2),
                (1, Place::Paragraph(0), 3..5),
            ],
        ),
        (
            "abc",
            vec![
                (0, Place::HeadlineLine(0), 0..3),
                (0, Place::HeadlineLine(1), 2..5),
                (1, Place::Paragraph(0), 0..3),
                (1, Place::Paragraph(0), 5..8),
            ],
        ),
        (
            "ガ",
            vec![
                (0, Place::Paragraph(1), 0..2),
                (0, Place::Paragraph(1), 4..6),
            ],
        ),
        ("议 会", vec![(0, Place::Paragraph(2), 1..4)]),
        (
            "经济",
            vec![
                (0, Place::Paragraph(0), 2..4),
                (0, Place::Caption(0), 0..2),
                (1, Place::Paragraph(1), 0..2),
            ],
        ),
    ] {
        let expected: Vec<Hit> = expected
            .into_iter()
            .map(|(article, place, range)| Hit {
                article,
                place,
                range,
            })
            .collect();
        assert_eq!(
            reference(&e, query, options),
            expected,
            "reference, {query}"
        );
        assert_eq!(
            index.search(&e, query).hits(),
            expected.as_slice(),
            "{query}"
        );
    }
}

#[test]
fn an_all_cjk_edition_stores_no_folded_text() {
    let text = |t: &str| vec![t.to_owned()];
    let e = edition(&[
        (
            text("市委常委会会议召开"),
            text("本报讯 会议指出，经济运行“双过半”。"),
            text("图为会场"),
        ),
        (text("经济"), text("上半年经济运行"), vec![]),
    ]);
    let index = SearchIndex::new(&e, SearchOptions::default());
    assert!(index.fields.is_empty());
    assert_eq!(index.folded.capacity(), 0);
    assert_eq!(index.search(&e, "经济").len(), 3);
}

#[test]
fn only_the_fields_folding_changes_are_stored() {
    let text = |t: &str| vec![t.to_owned()];
    let e = edition(&[(
        text("会议"),
        vec!["经济".into(), "ＧＤＰ增长".into()],
        vec![],
    )]);
    let index = SearchIndex::new(&e, SearchOptions::default());
    assert_eq!(index.fields.len(), 1);
    assert_eq!(
        (index.fields[0].article, index.fields[0].place),
        (0, Place::Paragraph(1))
    );
    assert_eq!(index.folded, "gdp增长");
}
