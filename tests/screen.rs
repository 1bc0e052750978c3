//! Whole-screen tests: build an `App` on a small hand-made edition, draw it
//! into a ratatui `TestBackend` at 120×40 and 50×16, send actions, and
//! compare the screen's text, line by line, with grids worked out by hand
//! (wide CJK characters take two cells).

#![allow(clippy::unwrap_used)]

use newsreader::app::{Action, App, Settings};
use newsreader::edition::{Article, Edition, Fingerprint, Page};
use newsreader::typeset::{AmbiguousWidth, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;

/// An article under these kicker and title lines, with these paragraphs.
fn headed(kicker: &[&str], title: &[&str], paragraphs: &[&str]) -> Article {
    let paragraphs = paragraphs.iter().map(|p| (*p).to_owned()).collect();
    support::headed(support::headline(kicker, title, &[]), paragraphs)
}

fn edition() -> Edition {
    Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![
                headed(
                    &["引题：江苏“十四五”"],
                    &["市委常委会会议召开"],
                    &[
                        "本报讯 7月26日，市委常委会会议暨市委财经委员会会议召开。",
                        "会议指出，今年以来，全市经济运行稳中向好。",
                    ],
                ),
                headed(
                    &[],
                    &["韩国吉佳蓝公司在锡落户中国总部项目"],
                    &["本报讯 7月25日，韩国吉佳蓝公司与我市签署合作协议。"],
                ),
                headed(
                    &[],
                    &["AI产业园 launches 3.5亿元 fund"],
                    &["The fund backs start-ups in the park."],
                ),
            ],
            ..Page::default()
        }],
        ..Edition::default()
    }
}

fn app(width: u16, height: u16, ambiguous: AmbiguousWidth) -> App {
    let settings = Settings {
        typeset: Options {
            ambiguous,
            justify: false,
        },
        ..Settings::default()
    };
    let mut app = App::new(edition(), Fingerprint::of_text("test"), settings, vec![]);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.resize(width, height);
    app
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's rows as text, each wide character once (its second cell,
/// or a cell ratatui was told to skip, is not repeated).
fn lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line
        })
        .collect()
}

#[track_caller]
fn assert_line(lines: &[String], row: usize, expected: &str) {
    assert_eq!(lines[row], expected, "row {row}");
}

fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns - text.width()))
}

#[test]
fn wide_terminal_gives_the_list_its_widest_title_and_hides_an_empty_sidebar() {
    let app = app(120, 40, AmbiguousWidth::Narrow);
    let screen = lines(&draw(&app, 120, 40));
    // No bookmarks: no sidebar. The widest title (34 columns) and the two
    // marks fit in the list's 36 inner columns; the reader keeps the rest,
    // 80 inner columns (the measure).
    let top = format!("┌Headlines{}┐┌{}┐", "─".repeat(27), "─".repeat(80));
    assert_line(&screen, 0, &top);
    let row = |list: &str, reader: &str| format!("│{}││{}│", pad(list, 36), pad(reader, 80));
    assert_line(&screen, 1, &row("Page 1", "引题：江苏“十四五”"));
    assert_line(
        &screen,
        2,
        &row(">•市委常委会会议召开", "市委常委会会议召开"),
    );
    assert_line(&screen, 3, &row(" •韩国吉佳蓝公司在锡落户中国总部项目", ""));
    assert!(screen[4].starts_with(&format!(
        "│{}│",
        pad(" •AI产业园 launches 3.5亿元 fund", 36)
    )));
    assert_line(
        &screen,
        39,
        &format!("{}? help ", pad(" article 1/3  Page 1  All", 113)),
    );
}

#[test]
fn a_bookmark_brings_the_sidebar_and_long_headlines_wrap_to_two_rows() {
    let mut app = app(100, 30, AmbiguousWidth::Narrow);
    app.update(Action::ToggleBookmark);
    let screen = lines(&draw(&app, 100, 30));
    // Sidebar 20 columns; the list gets what leaves the reader 50: 30.
    let top = format!(
        "┌Headlines{}┐┌{}┐┌Bookmarks by place┐",
        "─".repeat(19),
        "─".repeat(48)
    );
    assert_line(&screen, 0, &top);
    let list = |row: usize| format!("{}│", screen[row].split("││").next().unwrap());
    assert_eq!(list(2), format!("│{}│", pad(">•市委常委会会议召开", 28)));
    // 34 columns of title in 26: two rows, broken between characters, the
    // second under the first.
    assert_eq!(
        list(3),
        format!("│{}│", pad(" •韩国吉佳蓝公司在锡落户中国", 28))
    );
    assert_eq!(list(4), format!("│{}│", pad("  总部项目", 28)));
    assert_eq!(
        list(5),
        format!("│{}│", pad(" •AI产业园 launches 3.5亿元", 28))
    );
    assert_eq!(list(6), format!("│{}│", pad("  fund", 28)));
}

#[test]
fn reading_pane_title_row_is_bold() {
    let app = app(120, 40, AmbiguousWidth::Narrow);
    let buffer = draw(&app, 120, 40);
    // Row 2 of the reader (screen row 2, first text column 39) is the title.
    assert_eq!(buffer[(39, 2)].symbol(), "市");
    assert!(buffer[(39, 2)].modifier.contains(Modifier::BOLD));
    assert!(!buffer[(39, 1)].modifier.contains(Modifier::BOLD));
}

#[test]
fn narrow_terminal_shows_one_pane_and_tab_reaches_the_others() {
    let mut app = app(50, 16, AmbiguousWidth::Narrow);
    let screen = lines(&draw(&app, 50, 16));
    assert_line(&screen, 0, &format!("┌Headlines{}┐", "─".repeat(39)));
    assert_line(
        &screen,
        3,
        &format!("│{}│", pad(" •韩国吉佳蓝公司在锡落户中国总部项目", 48)),
    );
    assert_line(
        &screen,
        15,
        &format!("{}? help ", pad(" article 1/3  Page 1  All", 43)),
    );

    app.update(Action::NextPane);
    let screen = lines(&draw(&app, 50, 16));
    assert_line(&screen, 0, &format!("┌{}┐", "─".repeat(48)));
    assert_line(&screen, 1, &format!("│{}│", pad("引题：江苏“十四五”", 48)));

    app.update(Action::NextPane);
    let screen = lines(&draw(&app, 50, 16));
    assert_line(
        &screen,
        0,
        &format!("┌Bookmarks by place{}┐", "─".repeat(30)),
    );
}

#[test]
fn bookmark_made_at_50_columns_is_listed_with_title_and_snippet() {
    let mut app = app(50, 16, AmbiguousWidth::Narrow);
    app.update(Action::Open);
    app.update(Action::ToggleBookmark);
    let screen = lines(&draw(&app, 50, 16));
    assert_line(
        &screen,
        15,
        &format!(
            "{}? help ",
            pad(" article 1/3  Page 1  All  bookmark added", 43)
        ),
    );
    app.update(Action::NextPane);
    let screen = lines(&draw(&app, 50, 16));
    // The snippet is the first 20 chars of the first paragraph, cut from
    // it, so it ends in `…`.
    assert_line(
        &screen,
        1,
        &format!("│{}│", pad("> 市委常委会会议召开", 48)),
    );
    assert_line(
        &screen,
        2,
        &format!("│{}│", pad("  本报讯 7月26日，市委常委会会议暨市委…", 48)),
    );
}

#[test]
fn tiny_terminal_says_it_is_too_small() {
    let app = app(19, 5, AmbiguousWidth::Narrow);
    let screen = lines(&draw(&app, 19, 5));
    assert_line(&screen, 2, "terminal too small ");
    assert!(
        screen
            .iter()
            .enumerate()
            .all(|(i, l)| i == 2 || l.trim().is_empty())
    );
}

#[test]
fn help_overlay_lists_every_key_of_the_table() {
    let mut app = app(120, 40, AmbiguousWidth::Narrow);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.update(Action::Help);
    let text = lines(&draw(&app, 120, 40)).join("\n");
    for keys in [
        "q ",
        "Ctrl-C",
        "Tab",
        "Shift-Tab",
        "j, ↓",
        "k, ↑",
        "Enter",
        "Space, PageDown",
        "PageUp",
        "g, Home",
        "G, End",
        "]",
        "[",
        "b ",
        "B ",
        "d, Delete",
        "?",
        "Esc",
    ] {
        assert!(text.contains(keys), "help lacks {keys}");
    }
    app.update(Action::Close);
    assert!(!lines(&draw(&app, 120, 40)).join("\n").contains("Esc"));
}

#[test]
fn wide_ambiguous_setting_uses_ascii_borders_and_two_cells_for_quotes() {
    let app = app(120, 40, AmbiguousWidth::Wide);
    let buffer = draw(&app, 120, 40);
    let screen = lines(&buffer);
    assert!(screen[0].starts_with("+Headlines---"));
    // Reader row 1: 引题：江苏 is 10 columns from x=39, so “ sits at x=49 and
    // takes two cells; 十 starts at x=51.
    assert_eq!(buffer[(49, 1)].symbol(), "“");
    assert_eq!(buffer[(51, 1)].symbol(), "十");
}

fn sample_app(width: u16, height: u16) -> App {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt")).unwrap();
    let (edition, fingerprint) =
        newsreader::edition::load(&bytes, Some("assets/edition.txt"), &Default::default());
    let mut app = App::new(edition, fingerprint, Settings::default(), vec![]);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.resize(width, height);
    app
}

#[test]
fn sample_edition_at_120_by_40_lists_titles_and_opens_on_the_headline() {
    let app = sample_app(120, 40);
    let screen = lines(&draw(&app, 120, 40));
    // No bookmarks, so no sidebar: the list takes two fifths (48 columns,
    // 44 for a title), every title whole, the two longer ones on two rows;
    // the lead article's headline starts with its two kicker lines, then its
    // two title lines. The sample's page has no folio label found: its
    // header is `Page 1`.
    let expected = [
        ("Page 1", "市委常委会会议暨市委财经委员会会议召开"),
        (
            ">•坚定信心决心 争取更好结果 为全省发展大局作出",
            "分析全市上半年经济形势，研究部署下一阶段工作",
        ),
        ("  应有贡献", "坚定信心决心 争取更好结果"),
        (" •市委外事工作委员会召开会议", "为全省发展大局作出应有贡献"),
        (" •韩国吉佳蓝公司在锡落户中国总部项目", ""),
        (
            " •全国人大来锡开展科研机构改革发展和立法专题调",
            "本报讯 7月26日 · 高美梅",
        ),
        ("  研", ""),
    ];
    for (row, (headline, reading)) in expected.iter().enumerate() {
        let line = &screen[row + 1];
        // The reader's right border carries the scrollbar, so stop before it.
        let want = format!("│{}││{}", pad(headline, 46), pad(reading, 70));
        assert!(line.starts_with(&want), "row {}: {line}", row + 1);
    }
    assert!(screen[39].starts_with(" article 1/4  "));
}

#[test]
fn sample_edition_at_50_by_16_opens_the_second_article() {
    let mut app = sample_app(50, 16);
    let screen = lines(&draw(&app, 50, 16));
    // The lead's title (52 columns, a space where each printed line ended)
    // wraps to a second row.
    assert_line(
        &screen,
        2,
        &format!(
            "│{}│",
            pad(">•坚定信心决心 争取更好结果 为全省发展大局作出应", 48)
        ),
    );
    assert_line(&screen, 3, &format!("│{}│", pad("  有贡献", 48)));
    assert_line(
        &screen,
        6,
        &format!(
            "│{}│",
            pad(" •全国人大来锡开展科研机构改革发展和立法专题调研", 48)
        ),
    );
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    let screen = lines(&draw(&app, 50, 16));
    assert_line(
        &screen,
        1,
        // The scrollbar's thumb starts at the top of the right border.
        &format!("│{}█", pad("市委外事工作委员会召开会议", 48)),
    );
    assert!(screen[15].starts_with(" article 2/4  "));
}

#[test]
fn help_at_50_by_16_fits_the_width_and_scrolls_to_the_last_entry() {
    let mut app = app(50, 16, AmbiguousWidth::Narrow);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.update(Action::Help);
    // As a table the keys column is "Space, PageDown" (15 columns) and two
    // spaces, and the longest description, "rename bookmark: give it a note
    // (sidebar)", is 41: 58 + 2 borders is more than 50, so each
    // description goes under its keys. 16 rows less the status bar and the
    // borders show 13 lines; the status bar stays uncovered.
    let buffer = draw(&app, 50, 16);
    let first = lines(&buffer);
    // The box is centred: find its left border's column on the top row.
    let left = (0..49)
        .find(|&x| buffer[(x, 0)].symbol() == "┌" && buffer[(x + 1, 0)].symbol() == "K")
        .unwrap();
    let from = |y: u16| -> String { (left..50).map(|x| buffer[(x, y)].symbol()).collect() };
    assert!(from(0).starts_with("┌Keys (scroll for more)"));
    assert!(from(1).starts_with("│q "));
    assert!(
        from(2).starts_with("│    quit (library: back to the list)"),
        "{}",
        from(2)
    );
    assert!(from(14).starts_with('└'), "bottom border: {}", from(14));
    assert!(
        !first[15].contains(['└', '│', '─']),
        "status bar uncovered: {}",
        first[15]
    );
    let mut seen = first.join("\n");
    for _ in 0..60 {
        app.update(Action::ScrollDown);
        seen.push_str(&lines(&draw(&app, 50, 16)).join("\n"));
    }
    let last = lines(&draw(&app, 50, 16)).join("\n");
    assert!(!last.contains("│q "));
    assert!(last.contains("    previous edition (library)"));
    assert!(
        seen.contains("    bookmark top row (again: remove)"),
        "never cut"
    );
    app.update(Action::Top);
    assert!(lines(&draw(&app, 50, 16))[1].contains("│q "));
}

#[test]
fn very_narrow_terminal_gets_the_short_message() {
    let app = app(15, 5, AmbiguousWidth::Narrow);
    let screen = lines(&draw(&app, 15, 5));
    // "too small" is 9 columns: 3 free columns each side.
    assert_line(&screen, 2, "   too small   ");
}

#[test]
fn help_overlay_clears_everything_but_the_box_and_the_status_bar() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app(width, height, AmbiguousWidth::Narrow);
        app.update(Action::Help);
        let buffer = draw(&app, width, height);
        let screen = lines(&buffer);
        let top = screen.iter().position(|l| l.contains("┌Keys")).unwrap();
        let bottom = screen.iter().rposition(|l| l.contains('┘')).unwrap();
        let left = screen[top].find('┌').unwrap();
        for (y, line) in screen.iter().enumerate().take(usize::from(height) - 1) {
            if (top..=bottom).contains(&y) {
                // Beside the box: blanks only (no pane text, no border).
                let (before, rest) = line.split_at(left);
                let after = &rest[rest.rfind(['┐', '│', '┘']).unwrap() + '│'.len_utf8()..];
                assert!(before.trim().is_empty(), "{width}×{height} row {y}: {line}");
                assert!(after.trim().is_empty(), "{width}×{height} row {y}: {line}");
            } else {
                assert!(line.trim().is_empty(), "{width}×{height} row {y}: {line}");
            }
        }
        assert!(screen[usize::from(height) - 1].contains("? help"));
    }
}
