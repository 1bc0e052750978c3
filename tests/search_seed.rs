//! Search over the sample edition as its exact expected parse gives it
//! (`shared/expected/seed.json`): phrases that the extractor broke across
//! rows and across a column are found, because search runs on rejoined
//! paragraphs.

use newsreader::edition::{Article, Edition, Headline};
use newsreader::search::{Place, SearchIndex, SearchOptions};

#[path = "support/shared.rs"]
mod shared;
#[path = "support/editions.rs"]
mod support;
use shared::shared_dir;

/// One page holding the gold articles (all headline lines as title lines).
fn seed_edition() -> Edition {
    let path = shared_dir().join("expected/seed.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let gold: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let articles = gold["articles"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|article| Article {
                    headline: Headline {
                        title: strings(&article["headline_lines"]),
                        ..Headline::default()
                    },
                    paragraphs: strings(&article["paragraphs"]),
                    ..Article::default()
                })
                .collect()
        })
        .unwrap_or_default();
    support::edition(articles)
}

/// The chars `range` of the text at `place` in `article`.
fn text_at(
    edition: &Edition,
    article: usize,
    place: Place,
    range: std::ops::Range<usize>,
) -> String {
    let Some(a) = edition.article(article) else {
        return String::new();
    };
    let text = match place {
        Place::HeadlineLine(i) => a.headline.lines().nth(i).unwrap_or_default(),
        Place::Dateline => a.dateline.as_deref().unwrap_or_default(),
        Place::Byline => a.byline.as_deref().unwrap_or_default(),
        Place::Paragraph(i) => a.paragraphs.get(i).map_or("", String::as_str),
        Place::Caption(i) => a.captions.get(i).map_or("", String::as_str),
    };
    text.chars().skip(range.start).take(range.len()).collect()
}

#[test]
fn phrase_broken_across_a_row_is_found_at_its_char_offset() {
    // The sample prints "市委常委会" at the end of the first row and "会议"
    // at the start of the next. The first paragraph begins
    // "本报讯 7月26日，" (3 + 1 + 5 + 1 = 10 chars), so the phrase is 10..17.
    // (The headline also holds the phrase; its hit comes first.)
    let edition = seed_edition();
    let matches =
        SearchIndex::new(&edition, SearchOptions::default()).search(&edition, "市委常委会会议");
    let in_body = matches
        .hits()
        .iter()
        .find(|h| matches!(h.place, Place::Paragraph(_)));
    let Some(first) = in_body else {
        panic!("no hit in a paragraph: {:?}", matches.hits());
    };
    assert_eq!(
        (first.article, first.place, first.range.clone()),
        (0, Place::Paragraph(0), 10..17)
    );
}

#[test]
fn phrase_broken_across_a_column_is_found() {
    // The sample prints "省委书" at the foot of one column and "记信长星" at
    // the head of the next (a blank line between them); the gold joins them
    // in the first article's third paragraph.
    let edition = seed_edition();
    let matches =
        SearchIndex::new(&edition, SearchOptions::default()).search(&edition, "省委书记信长星");
    assert_eq!(matches.len(), 1);
    let hit = &matches.hits()[0];
    assert_eq!((hit.article, hit.place), (0, Place::Paragraph(2)));
    assert_eq!(
        text_at(&edition, 0, hit.place, hit.range.clone()),
        "省委书记信长星"
    );
}
