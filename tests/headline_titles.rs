//! A multi-line headline is listed whole: all its title lines joined (no
//! space between CJK sides, one where Latin meets its neighbour), then cut
//! by display width with `…` in the headline list; bookmarks store the same
//! one-line title.

#![allow(clippy::unwrap_used)]

use newsreader::app::{App, Settings, list_title};
use newsreader::edition::{Article, Edition, Fingerprint, Page, join_lines};
use newsreader::store::anchor::article_title;
use newsreader::typeset::{AmbiguousWidth, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;

/// An article under this headline, with one short paragraph.
fn titled(kicker: &[&str], title: &[&str], subtitle: &[&str]) -> Article {
    support::headed(
        support::headline(kicker, title, subtitle),
        vec!["本报讯 正文。".to_owned()],
    )
}

const CJK: [&str; 2] = ["全国人大来锡开展科研机构", "改革发展和立法专题调研"];
const ENGLISH: [&str; 3] = ["LUMBERMAN IS", "KILLED BY FALL", "OF TREE"];

#[test]
fn cjk_title_lines_join_without_a_space() {
    assert_eq!(
        join_lines(CJK),
        "全国人大来锡开展科研机构改革发展和立法专题调研"
    );
}

#[test]
fn english_title_lines_join_with_one_space() {
    assert_eq!(join_lines(ENGLISH), "LUMBERMAN IS KILLED BY FALL OF TREE");
}

#[test]
fn latin_meeting_cjk_gets_a_space_and_blank_lines_drop() {
    assert_eq!(
        join_lines(["AI产业园", "  ", " 3.5亿元 "]),
        "AI产业园 3.5亿元"
    );
    assert_eq!(join_lines(["江苏“十四五”", "规划"]), "江苏“十四五”规划");
}

#[test]
fn list_and_bookmark_titles_hold_every_title_line() {
    let cjk = titled(&["引题"], &CJK, &["副题"]);
    let whole = "全国人大来锡开展科研机构改革发展和立法专题调研";
    assert_eq!(list_title(&cjk), whole);
    assert_eq!(article_title(&cjk), whole);
    let english = titled(&[], &ENGLISH, &[]);
    assert_eq!(list_title(&english), "LUMBERMAN IS KILLED BY FALL OF TREE");
    assert_eq!(
        article_title(&english),
        "LUMBERMAN IS KILLED BY FALL OF TREE"
    );
}

#[test]
fn headline_without_title_lists_kicker_and_deck_joined() {
    let deck = titled(&["Front page"], &[], &["A deck", "in two lines"]);
    assert_eq!(list_title(&deck), "Front page A deck in two lines");
}

fn screen_rows(edition: Edition, width: u16, height: u16) -> Vec<String> {
    let settings = Settings {
        typeset: Options {
            ambiguous: AmbiguousWidth::Narrow,
            justify: false,
        },
        ..Settings::default()
    };
    let mut app = App::new(edition, Fingerprint::of_text("t"), settings, vec![]);
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line
        })
        .collect()
}

#[test]
fn headline_list_shows_the_whole_title_on_up_to_two_rows_then_cut_with_an_ellipsis() {
    let edition = Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![titled(&[], &CJK, &[]), titled(&[], &ENGLISH, &[])],
            ..Page::default()
        }],
        ..Edition::default()
    };
    let screen = screen_rows(edition.clone(), 120, 40);
    // At 120 columns with no bookmarks the list takes two fifths, 48
    // columns: marker, unread mark, then 44 columns of title. The CJK title
    // (46 columns) goes on to a second row, under the first; the English
    // one (35 columns) fits.
    let list = |row: &String| row.split("││").next().unwrap().to_owned();
    assert_eq!(
        list(&screen[2]),
        "│>•全国人大来锡开展科研机构改革发展和立法专题调"
    );
    assert_eq!(list(&screen[3]), format!("│  研{}", " ".repeat(42)));
    assert_eq!(
        list(&screen[4]),
        format!("│ •LUMBERMAN IS KILLED BY FALL OF TREE{}", " ".repeat(9))
    );
    // At 70 columns (two panes, a 20-column list, 16 for a title), the CJK
    // title fills two rows and the second ends in `…` (15 columns: a
    // character would not fit beside it).
    let screen = screen_rows(edition, 70, 20);
    assert_eq!(list(&screen[2]), "│>•全国人大来锡开展");
    assert_eq!(list(&screen[3]), "│  科研机构改革发… ");
}
