//! A multi-line headline is shown whole, its printed lines' boundaries
//! kept: a space between title lines, ` / ` before the deck
//! ([`Headline::display`]), in the headline list (on up to two rows, then
//! cut by display width with `…`), the sidebar, `--bookmarks` and the export
//! (bookmarks store the same title). The store's identity form
//! ([`join_lines`]) joins CJK lines without a space, as before.

#![allow(clippy::unwrap_used)]

use newsreader::app::{App, Settings, list_title};
use newsreader::edition::{
    Anchor, Article, Edition, Fingerprint, LoadOptions, Page, join_lines, load,
};
use newsreader::store::anchor::article_title;
use newsreader::store::{Bookmark, Store};
use newsreader::typeset::{AmbiguousWidth, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;

#[path = "support/command.rs"]
mod command;
use command::newsreader;

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
fn list_and_bookmark_titles_hold_every_title_line_with_its_boundary() {
    let cjk = titled(&["引题"], &CJK, &[]);
    let whole = "全国人大来锡开展科研机构 改革发展和立法专题调研";
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
fn sample_two_line_headline_reads_as_two_phrases() {
    let sample = titled(
        &["市委常委会会议暨市委财经委员会会议召开"],
        &["坚定信心决心 争取更好结果", "为全省发展大局作出应有贡献"],
        &[],
    );
    let shown = "坚定信心决心 争取更好结果 为全省发展大局作出应有贡献";
    assert_eq!(sample.headline.display(), shown);
    assert_eq!(list_title(&sample), shown);
    assert_eq!(article_title(&sample), shown);
}

#[test]
fn deck_follows_the_title_after_a_slash() {
    let decked = titled(&["引题"], &["主题第一行", "第二行"], &["副题", "两行"]);
    assert_eq!(decked.headline.display(), "主题第一行 第二行 / 副题 两行");
    assert_eq!(list_title(&decked), "主题第一行 第二行 / 副题 两行");
    assert_eq!(article_title(&decked), "主题第一行 第二行 / 副题 两行");
}

#[test]
fn headline_without_title_lists_kicker_and_deck() {
    let deck = titled(&["Front page"], &[], &["A deck", "in two lines"]);
    assert_eq!(list_title(&deck), "Front page / A deck in two lines");
    let only_deck = titled(&[], &[" "], &["副题"]);
    assert_eq!(list_title(&only_deck), "副题");
}

#[test]
fn identity_form_is_unchanged() {
    let cjk = titled(&[], &CJK, &["副题"]);
    assert_eq!(
        cjk.headline.one_line(),
        "全国人大来锡开展科研机构改革发展和立法专题调研"
    );
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
    // (47 columns, a space where its printed line ended) goes on to a
    // second row, under the first (43 columns and a blank: a character
    // would not fit); the English one (35 columns) fits.
    let list = |row: &String| row.split("││").next().unwrap().to_owned();
    assert_eq!(
        list(&screen[2]),
        "│>•全国人大来锡开展科研机构 改革发展和立法专题 "
    );
    assert_eq!(list(&screen[3]), format!("│  调研{}", " ".repeat(40)));
    assert_eq!(
        list(&screen[4]),
        format!("│ •LUMBERMAN IS KILLED BY FALL OF TREE{}", " ".repeat(9))
    );
    // At 70 columns (two panes, a 20-column list, 16 for a title), the CJK
    // title fills two rows and the second ends in `…`.
    let screen = screen_rows(edition, 70, 20);
    assert_eq!(list(&screen[2]), "│>•全国人大来锡开展");
    assert_eq!(list(&screen[3]), "│  科研机构 改革发…");
}

#[test]
fn bookmarks_listing_and_export_show_the_line_boundary_even_for_old_saves() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let bytes = include_bytes!("../assets/edition.txt");
    let (edition, fingerprint) = load(bytes, Some("/papers/sample.txt"), &LoadOptions::default());
    let first = edition.article(0).unwrap();
    let shown = "坚定信心决心 争取更好结果 为全省发展大局作出应有贡献";
    {
        let (mut store, _) = Store::open(data.path());
        store.identify(&fingerprint, &edition);
        // Saved before titles kept their line boundary.
        let mut old = Bookmark::at(first, Anchor::default());
        old.article_title = "坚定信心决心 争取更好结果为全省发展大局作出应有贡献".to_owned();
        store
            .add_bookmark(&fingerprint, Some("/papers/sample.txt"), old)
            .unwrap();
        // Opening the edition again gives it the title as shown now.
        store.identify(&fingerprint, &edition);
        let saved = &store.edition(&fingerprint).unwrap().bookmarks[0];
        assert_eq!(saved.article_title, shown);
        store.finish();
    }
    let listed = newsreader(home.path(), data.path())
        .arg("--bookmarks")
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains(&format!("  {shown} — ")), "{listed}");
    let out = data.path().join("marks.md");
    newsreader(home.path(), data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .assert()
        .success();
    let exported = std::fs::read_to_string(&out).unwrap();
    assert!(exported.contains(shown), "{exported}");
}
