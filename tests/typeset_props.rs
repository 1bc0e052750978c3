//! Property tests of [`wrap`] over random mixed text: CJK, kana, Latin
//! words, digits with units, punctuation (including every no-start and
//! no-end character), emoji, combining marks, ZWJ sequences, flags, URLs and
//! spaces, at widths 1–120, both ambiguous widths, with and without
//! justification.
#![allow(clippy::unwrap_used)]

use newsreader::edition::Article;
use newsreader::typeset::article::{RowKind, SetArticle};
use newsreader::typeset::{AmbiguousWidth, Options, Row, display_width, wrap};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// `CASES.md`, "No line may start with" (copied by hand, not from the code),
/// and the dashes UAX #14 breaks before (issue 13).
const NO_START: &str = "）)］]｝}〕〉》」』】〙〗｠»〟’”｣、。，,．.｡､：；:;！？!?‼⁇⁈⁉・·‧･‐–〜～゠ヽヾゝゞ々〻ーｰ%％‰°℃ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ—―⸺⸻";
/// `CASES.md`, "No line may end with", and the full-width solidus (issue 13).
const NO_END: &str = "（(［[｛{〔〈《「『【〘〖｟«〝‘“｢／";

fn pick(pool: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = pool.chars().collect();
    prop::sample::select(chars).prop_map(String::from)
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick("中文字体测试会议指出今天我终于见到了一位老师经济发展韩国공사"),
        2 => pick("あいうえおかきくけこアイウエオカキクケコ"),
        3 => "[a-zA-Z]{1,14}",
        2 => "[0-9]{1,5}(\\.[0-9]{1,2})?",
        2 => pick(NO_START),
        2 => pick(NO_END),
        1 => prop::sample::select(vec!["——", "……", "—", "…", "⸺", "⸻⸻", "·", "～", "亿元", "万吨", "%", "US$14"])
            .prop_map(String::from),
        1 => prop::sample::select(vec!["🌞", "❤️", "1️⃣", "👩‍🔬", "👨‍👩‍👧", "🇯🇵", "🇨🇳", "👍🏽"])
            .prop_map(String::from),
        1 => prop::sample::select(vec!["e\u{301}", "a\u{308}\u{301}", "\u{301}", "\u{200B}", "\u{200D}"])
            .prop_map(String::from),
        1 => Just("https://example.com/a-b?c=1".to_string()),
        4 => prop::sample::select(vec![" ", " ", "  ", "\u{3000}", "\u{A0}"]).prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..80).prop_map(|tokens| tokens.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), any::<bool>()).prop_map(|(wide, justify)| Options {
        ambiguous: if wide {
            AmbiguousWidth::Wide
        } else {
            AmbiguousWidth::Narrow
        },
        justify,
    })
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Char offsets where the input's grapheme clusters start, and its end.
fn cluster_boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut bounds = vec![0];
    for g in text.graphemes(true) {
        at += g.chars().count();
        bounds.push(at);
    }
    bounds
}

fn first_cluster(text: &str) -> Option<char> {
    text.chars().next()
}

/// A cluster made of whitespace only (a space with a combining mark is not).
fn is_space(cluster: &str) -> bool {
    cluster.chars().all(char::is_whitespace)
}

fn last_cluster_base(text: &str) -> Option<char> {
    text.graphemes(true)
        .next_back()
        .and_then(|g| g.chars().next())
}

/// Offset in chars of the first and just past the last non-whitespace char.
fn visible_bounds(text: &str) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    let last = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |i| i + 1);
    (first, last)
}

fn check_fit(rows: &[Row], width: usize, options: &Options) -> Result<(), TestCaseError> {
    for row in rows {
        let measured = display_width(&row.text, options.ambiguous);
        prop_assert_eq!(measured, row.width, "row {:?}", row.text);
        let lone_wide_cluster = row.text.graphemes(true).count() == 1 && row.emergency;
        prop_assert!(
            row.width <= width || lone_wide_cluster,
            "row {:?} is {} columns at width {}",
            row.text,
            row.width,
            width
        );
    }
    Ok(())
}

fn check_kinsoku(text: &str, rows: &[Row]) -> Result<(), TestCaseError> {
    let (first_visible, last_visible) = visible_bounds(text);
    for (i, row) in rows.iter().enumerate() {
        if row.emergency || row.text.is_empty() {
            continue;
        }
        let head = first_cluster(&row.text).unwrap();
        let tail = last_cluster_base(&row.text).unwrap();
        prop_assert!(
            !is_space(row.text.graphemes(true).next().unwrap()),
            "{:?}",
            row.text
        );
        prop_assert!(
            !is_space(row.text.graphemes(true).next_back().unwrap()),
            "{:?}",
            row.text
        );
        prop_assert!(
            !NO_START.contains(head) || row.start <= first_visible,
            "row {} {:?} starts with {:?}",
            i,
            row.text,
            head
        );
        prop_assert!(
            !NO_END.contains(tail) || row.end >= last_visible,
            "row {} {:?} ends with {:?}",
            i,
            row.text,
            tail
        );
        if let Some(next) = rows.get(i + 1).filter(|n| !n.emergency) {
            // A pair is split when the row ends right before the next one
            // starts (no space dropped between) with the same dash or
            // ellipsis on both sides.
            let chars: Vec<char> = text.chars().collect();
            let before_next = next.start.checked_sub(1).map(|k| chars[k]);
            let split = ['—', '…'].iter().any(|&c| {
                before_next == Some(c) && row.text.ends_with(c) && next.text.starts_with(c)
            });
            prop_assert!(!split, "{:?} / {:?} split a pair", row.text, next.text);
        }
    }
    Ok(())
}

fn check_clusters(text: &str, rows: &[Row], justify: bool) -> Result<(), TestCaseError> {
    let bounds = cluster_boundaries(text);
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for row in rows {
        prop_assert!(
            bounds.binary_search(&row.start).is_ok(),
            "start {} splits a cluster",
            row.start
        );
        prop_assert!(
            bounds.binary_search(&row.end).is_ok(),
            "end {} splits a cluster",
            row.end
        );
        prop_assert!(row.start >= previous_end && row.end >= row.start);
        previous_end = row.end;
        if !justify {
            let shown: String = chars[row.start..row.end].iter().collect();
            prop_assert_eq!(shown.trim_end(), row.text.as_str());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_row_fits_the_width(text in text(), width in 1usize..=120, options in options()) {
        check_fit(&wrap(&text, width, &options), width, &options)?;
    }

    #[test]
    fn rows_lose_and_add_nothing_but_whitespace(text in text(), width in 1usize..=120, options in options()) {
        let rows = wrap(&text, width, &options);
        let joined: String = rows.iter().map(|r| r.text.as_str()).collect();
        prop_assert_eq!(without_whitespace(&joined), without_whitespace(&text));
    }

    #[test]
    fn no_row_breaks_kinsoku_unless_it_is_an_emergency_break(
        text in text(), width in 1usize..=120, options in options()
    ) {
        check_kinsoku(&text, &wrap(&text, width, &options))?;
    }

    #[test]
    fn rows_start_and_end_on_grapheme_cluster_boundaries(
        text in text(), width in 1usize..=120, options in options()
    ) {
        check_clusters(&text, &wrap(&text, width, &options), options.justify)?;
    }

    #[test]
    fn any_text_at_all_wraps_without_panic_or_loss(
        text in "(?s).{0,120}", width in 0usize..=40, options in options()
    ) {
        let rows = wrap(&text, width, &options);
        check_fit(&rows, width.max(1), &options)?;
        check_clusters(&text, &rows, options.justify)?;
        let joined: String = rows.iter().map(|r| r.text.as_str()).collect();
        prop_assert_eq!(without_whitespace(&joined), without_whitespace(&text));
    }

    #[test]
    fn set_article_rows_map_back_through_row_of_and_locate(
        paragraphs in prop::collection::vec(text(), 0..4), width in 1usize..=60, options in options()
    ) {
        let article = Article { paragraphs, ..Article::default() };
        let set = SetArticle::new(&article, width, &options);
        prop_assert_eq!(set.row_of(Default::default()), 0);
        for (i, row) in set.rows.iter().enumerate() {
            if row.kind != RowKind::Paragraph {
                continue;
            }
            let found = set.row_of(row.anchor);
            prop_assert!(found <= i && set.rows[found].anchor == row.anchor, "row {} -> {}", i, found);
            let first_of_paragraph = i == 0 || set.rows[i - 1].kind != RowKind::Paragraph;
            // Rows never start with a space, so two leading U+3000s (a CJK
            // paragraph, 4 columns) or two ASCII spaces (a Latin one, 2
            // columns) are the indent.
            let (indent, body) = match (first_of_paragraph, set.text(i)) {
                (true, t) if t.starts_with("\u{3000}\u{3000}") => (4, &t["\u{3000}\u{3000}".len()..]),
                (true, t) if t.starts_with("  ") => (2, &t[2..]),
                (_, t) => (0, t),
            };
            let first = body.graphemes(true).next();
            if let Some(g) = first.filter(|g| display_width(g, options.ambiguous) > 0 && !is_space(g)) {
                let at = row.anchor.offset;
                let hits = set.locate(row.anchor.paragraph, at..at + 1);
                let expected = (i, indent..indent + display_width(g, options.ambiguous));
                prop_assert!(hits.contains(&expected), "row {} {:?}: {:?}", i, set.text(i), hits);
            }
        }
    }

    #[test]
    fn justification_never_moves_a_break(text in text(), width in 1usize..=120, wide in any::<bool>()) {
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let ragged = wrap(&text, width, &Options { ambiguous, justify: false });
        let justified = wrap(&text, width, &Options { ambiguous, justify: true });
        let spans = |rows: &[Row]| rows.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
        prop_assert_eq!(spans(&ragged), spans(&justified));
        for (r, j) in ragged.iter().zip(&justified) {
            prop_assert_eq!(without_whitespace(&r.text), without_whitespace(&j.text));
        }
    }
}

/// The sample edition's text blocks (split at blank lines, lines rejoined
/// without spaces, as CJK column lines are), as paragraphs of one article.
fn sample_article() -> Article {
    let text = include_str!("../assets/edition.txt");
    let paragraphs = text
        .split("\n\n")
        .map(|block| block.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        paragraphs,
        ..Article::default()
    }
}

#[test]
fn sample_edition_rows_fit_lose_nothing_and_keep_kinsoku_at_every_width() {
    let article = sample_article();
    for width in 2..=100 {
        for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            for justify in [false, true] {
                let options = Options { ambiguous, justify };
                let set = SetArticle::new(&article, width, &options);
                for (_, text) in set.rows_with_text() {
                    let columns = display_width(text, ambiguous);
                    assert!(columns <= width, "{width}: {text:?} is {columns} columns");
                }
                for (p, paragraph) in article.paragraphs.iter().enumerate() {
                    let shown: String = set
                        .rows_with_text()
                        .filter(|(r, _)| r.kind == RowKind::Paragraph && r.anchor.paragraph == p)
                        .map(|(_, text)| text)
                        .collect();
                    assert_eq!(without_whitespace(&shown), without_whitespace(paragraph));
                }
                if width >= 6 {
                    // Wide enough that no unit of the sample needs an
                    // emergency break: every row keeps kinsoku.
                    for (row, text) in set
                        .rows_with_text()
                        .filter(|(r, _)| r.kind == RowKind::Paragraph)
                    {
                        let body = text.trim_start_matches('\u{3000}');
                        let head = body.chars().next().unwrap();
                        let tail = body.chars().next_back().unwrap();
                        assert!(
                            !NO_START.contains(head) || row.anchor.offset == 0,
                            "{width}: {:?}",
                            text
                        );
                        assert!(!NO_END.contains(tail), "{width}: {text:?}");
                    }
                }
            }
        }
    }
}
