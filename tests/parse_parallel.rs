//! Reading an edition's pages on several threads gives exactly the edition
//! one thread gives (`parse_with_threads`), whatever pages fall at the
//! edges of the threads' runs: articles continued on a later page
//! (`（下转第2版）` … `（上接第1版）`), pages too short to measure their
//! columns (which borrow the measure of the pages before), the edition's
//! title and date, English OCR pages.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use newsreader::edition::parse::parse_with_threads;

/// Four lines of wuxi-a (pdftotext): too few to measure the page's columns,
/// and read differently with the edition's measure than without.
const SHORT_PAGE: &str = "发展的韧性和速度。\n会议强调，习近平总书记在党\n的二十届三中全会上明确要求“坚\n定不移实现全年经济社会发展目";

/// Every multi-page layout file (each holds jump lines between its pages),
/// the sample front page, both English OCR pages, and short pages that
/// cannot be measured, in an order that puts each kind next to the others.
fn edition_text() -> String {
    let mut pages: Vec<String> = Vec::new();
    let short = SHORT_PAGE;
    for layout in ["wuxi-a", "wuxi-b", "wuxi-c", "wuxi-d"] {
        for extractor in ["pdftotext", "mutool", "pdfminer"] {
            let text = shared::read_shared(&format!("samples/layouts/{layout}/{extractor}.txt"));
            pages.push(text.trim_end_matches('\u{c}').to_owned());
            pages.push(short.to_owned());
        }
    }
    pages.push(shared::read_shared("seeds/000_8811b50d0c9ae951.txt"));
    pages.push(short.to_owned());
    pages.push(short.to_owned());
    pages.push(shared::read_shared(
        "samples/en-chronam-evening-star-dc-1916-01-01-p1.txt",
    ));
    pages.push(shared::read_shared(
        "samples/en-chronam-grand-forks-daily-herald-1916-03-15-p1.txt",
    ));
    pages.join("\u{c}")
}

#[test]
fn the_short_page_is_read_with_the_measure_of_the_pages_before() {
    // What makes the next test's short pages a real check of the borrowed
    // measure: after the sample page it is read differently than alone.
    let short = SHORT_PAGE;
    let seed = shared::read_shared("seeds/000_8811b50d0c9ae951.txt");
    let alone = parse_with_threads(short, 1);
    let after = parse_with_threads(&format!("{seed}\u{c}{short}"), 1);
    assert!(alone.pages[0].articles != after.pages[1].articles);
}

#[test]
fn any_number_of_threads_reads_the_same_edition_as_one() {
    let text = edition_text();
    let one = parse_with_threads(&text, 1);
    assert!(one.pages.len() > 30, "{} pages", one.pages.len());
    assert!(
        one.article_count() > 100,
        "{} articles",
        one.article_count()
    );
    for threads in 2..=12 {
        let many = parse_with_threads(&text, threads);
        assert!(many == one, "{threads} threads read a different edition");
    }
}

#[test]
fn a_jump_across_the_edge_of_two_runs_still_joins_the_article() {
    // wuxi-d's pdftotext file continues an article from page 1 (`深入学习贯彻
    // （下转第2版）`) on page 2 (`（上接第1版） 习近平总书记重要指示精神`);
    // on two threads the first run is page 1 alone (about 3 of 10 KB).
    let text = shared::read_shared("samples/layouts/wuxi-d/pdftotext.txt");
    let one = parse_with_threads(&text, 1);
    let two = parse_with_threads(&text, 2);
    assert!(two == one);
    let joined = two.pages[0]
        .articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .any(|p| p.contains("全市上下要深入学习贯彻习近平总书记重要指示精神"));
    assert!(
        joined,
        "the page 1 article does not continue with page 2's text"
    );
}

#[test]
fn zero_threads_and_empty_text_are_read_like_one_thread() {
    assert!(parse_with_threads("", 0) == parse_with_threads("", 1));
    assert!(parse_with_threads("\u{c}\u{c}", 3) == parse_with_threads("\u{c}\u{c}", 1));
    let seed = shared::read_shared("seeds/000_8811b50d0c9ae951.txt");
    assert!(parse_with_threads(&seed, 0) == parse_with_threads(&seed, 1));
}
