//! Screen tests for issue 6, drawn into a ratatui `TestBackend`: page
//! headers in the headline list, search matches highlighted at their exact
//! cells in CJK text (the current match distinct), the prompt on the
//! status row, the help overlay built from a remapped key map, and the mono
//! theme using no colour at all.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use newsreader::app::input::Edit;
use newsreader::app::{Action, App, Settings};
use newsreader::config::{self, Config};
use newsreader::edition::{Edition, Fingerprint, Page};
use newsreader::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;
use support::article;

fn edition() -> Edition {
    Edition {
        pages: vec![
            Page {
                number: 1,
                label: Some("第1版 要闻".to_owned()),
                articles: vec![article("市委常委会", &["财经会议召开，财经工作好。"])],
                ..Page::default()
            },
            Page {
                number: 2,
                label: Some("第2版 经济".to_owned()),
                articles: vec![article("园区新闻", &["园区财经。"])],
                ..Page::default()
            },
        ],
        ..Edition::default()
    }
}

fn app(theme: config::Theme) -> App {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let mut app = App::new(edition(), Fingerprint::of_text("f"), settings, vec![]);
    app.resize(120, 20);
    app
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 20)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut line = String::new();
    let mut x = from;
    while x < to {
        let symbol = buffer[(x, y)].symbol();
        line.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).unwrap();
    }
    line
}

#[test]
fn headline_list_shows_page_headers_in_their_style() {
    let app = app(config::Theme::Dark);
    let buffer = draw(&app);
    // Headlines pane: x 0..20 (its titles are short: the narrowest list),
    // inner from x=1, y=1.
    assert_eq!(row_text(&buffer, 1, 1, 19).trim_end(), "第1版 要闻");
    assert_eq!(row_text(&buffer, 2, 1, 19).trim_end(), ">•市委常委会");
    assert_eq!(row_text(&buffer, 3, 1, 19).trim_end(), "第2版 经济");
    assert_eq!(row_text(&buffer, 4, 1, 19).trim_end(), " •园区新闻");
    let header = &buffer[(1, 1)];
    assert_eq!(header.fg, Color::Yellow);
    assert!(header.modifier.contains(Modifier::BOLD));
    assert!(row_text(&buffer, 19, 0, 120).starts_with(" article 1/2  第1版 要闻  All"));
}

#[test]
fn matches_are_highlighted_at_their_cells_and_the_current_one_differs() {
    let mut app = app(config::Theme::Dark);
    app.update(Action::Search);
    for c in "财经".chars() {
        app.edit(Edit::Insert(c));
    }
    // While typing, the prompt replaces the status bar, with the counter.
    let buffer = draw(&app);
    assert_eq!(
        row_text(&buffer, 19, 0, 120).trim_end(),
        "/财经  [match 1/3]"
    );
    app.edit(Edit::Submit);
    let buffer = draw(&app);
    // Reader: x 20..120, inner x 21, width 98, the 80-column measure
    // centred from x 30. Rows: title (y 1), blank (y 2), the paragraph
    // (y 3), indented by two ideographic spaces (4 columns): 财经 at x
    // 34..38, 会议召开， 10 columns, the second 财经 at x 48..52. Each
    // character's style is that of its first cell (the backend skips the
    // second).
    assert_eq!(
        row_text(&buffer, 3, 30, 110).trim_end(),
        "\u{3000}\u{3000}财经会议召开，财经工作好。"
    );
    for x in [34, 36] {
        assert_eq!(buffer[(x, 3)].bg, Color::LightRed, "current match at x {x}");
    }
    for x in [48, 50] {
        assert_eq!(buffer[(x, 3)].bg, Color::Yellow, "other match at x {x}");
    }
    for x in (30..34).chain(38..48).chain(52..60).step_by(2) {
        assert_eq!(buffer[(x, 3)].bg, Color::Reset, "no highlight at x {x}");
    }
    // The list shows counts: 2 in article 1, at the right end of the
    // 18-column inner width (12 columns of marker and title, 5 spaces, the
    // count). The article is read now: Enter showed it, whole, in the
    // focused reader.
    assert_eq!(
        row_text(&buffer, 2, 1, 19),
        format!("> 市委常委会{}2", " ".repeat(5))
    );
    assert!(row_text(&buffer, 19, 0, 120).contains("match 1/3"));
    // n moves the current match to the second one.
    app.update(Action::NextMatch);
    let buffer = draw(&app);
    assert_eq!(buffer[(34, 3)].bg, Color::Yellow);
    assert_eq!(buffer[(48, 3)].bg, Color::LightRed);
}

#[test]
fn help_overlay_shows_remapped_keys() {
    let text = "[keys]\nscroll_down = \"ctrl-n\"\nscroll_up = [\"ctrl-p\", \"up\"]\n";
    let mut config = Config::from_toml(text, Path::new("test.toml")).unwrap();
    let keymap = Keymap::configured(&mut config);
    let mut app = app(config::Theme::Dark);
    app.set_help(keymap.help());
    app.update(Action::Help);
    let buffer = draw(&app);
    let screen: Vec<String> = (0..20).map(|y| row_text(&buffer, y, 0, 120)).collect();
    let screen = screen.join("\n");
    // The keys column is as wide as "Space, PageDown" (15) plus 2 spaces.
    assert!(
        screen.contains("Ctrl-N           next item / scroll down a row"),
        "{screen}"
    );
    assert!(screen.contains("Ctrl-P, ↑        previous item / scroll up a row"));
    assert!(!screen.contains("j, ↓") && !screen.contains("k, ↑"));
}

#[test]
fn mono_theme_draws_no_colour_in_any_cell() {
    let mut app = app(config::Theme::Mono);
    app.update(Action::Search);
    app.edit(Edit::Insert('财'));
    app.edit(Edit::Submit);
    app.set_help(Keymap::default().help());
    for step in 0..2 {
        let buffer = draw(&app);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "step {step}"
            );
        }
        app.update(Action::Help);
    }
    // The match is still visible without colour: reversed.
    let buffer = draw(&app);
    assert!(buffer[(34, 3)].modifier.contains(Modifier::REVERSED));
}
