//! Screen tests for East Asian Ambiguous characters drawn wide (a terminal
//! set up for CJK, e.g. `xterm -cjk_width`): every mark the UI draws in a
//! one-column slot must still be drawn, one column wide.

use newsreader::app::{App, Settings};
use newsreader::edition::{Edition, Fingerprint, Page};
use newsreader::typeset::{AmbiguousWidth, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

#[path = "support/editions.rs"]
mod support;

fn app(ambiguous: AmbiguousWidth) -> App {
    let edition = Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![
                support::article("市委常委会会议召开", &["本报讯 会议指出，实现了“双过半”。"]),
                support::article("韩国吉佳蓝公司落户", &["本报讯 签署合作协议。"]),
            ],
            ..Page::default()
        }],
        ..Edition::default()
    };
    let settings = Settings {
        typeset: Options {
            ambiguous,
            justify: false,
        },
        ..Settings::default()
    };
    let mut app = App::new(edition, Fingerprint::of_text("test"), settings, vec![]);
    app.resize(120, 40);
    app
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Columns 0..=3 of a headline-list row: border, marker, unread mark, first
/// title cell.
fn list_start(buffer: &Buffer, y: u16) -> Vec<&str> {
    (0..4).map(|x| buffer[(x, y)].symbol()).collect()
}

#[test]
fn unread_mark_is_drawn_when_ambiguous_is_wide() {
    // Row 1 is the page header; rows 2 and 3 the two unread articles. In
    // the wide setting `•` (Ambiguous) would take two columns and not fit
    // the one-column slot, so the ASCII `*` takes its place.
    let buffer = draw(&app(AmbiguousWidth::Wide));
    assert_eq!(list_start(&buffer, 2), ["|", ">", "*", "市"]);
    assert_eq!(list_start(&buffer, 3), ["|", " ", "*", "韩"]);
}

#[test]
fn unread_mark_is_a_bullet_when_ambiguous_is_narrow() {
    let buffer = draw(&app(AmbiguousWidth::Narrow));
    assert_eq!(list_start(&buffer, 2), ["│", ">", "•", "市"]);
    assert_eq!(list_start(&buffer, 3), ["│", " ", "•", "韩"]);
}
