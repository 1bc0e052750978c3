//! Issue 4's `--justify` on screen: the same article drawn with justify off
//! and on, into a `TestBackend` at 50×16 with the reading pane focused, its
//! rows compared with rows worked out by hand.

#![allow(clippy::unwrap_used)]

use newsreader::app::{Action, App, Settings};
use newsreader::edition::Fingerprint;
use newsreader::typeset::{AmbiguousWidth, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;

/// 21 ideographs, then `正，` (one unit: `，` may not start a row), then a
/// short rest: at 48 columns the first row holds the 4-column indent and
/// 22 ideographs' worth (44 columns), but `正，` would need 4 of the last
/// 2, so push-out carries `正` down and leaves the row 2 columns short.
const PARAGRAPH: &str = "一二三四五六七八九十百千万亿兆京垓秭穰沟涧正，载极。";

fn app(justify: bool) -> App {
    let edition = support::edition(vec![support::article("标题", &[PARAGRAPH])]);
    let settings = Settings {
        typeset: Options {
            ambiguous: AmbiguousWidth::Narrow,
            justify,
        },
        ..Settings::default()
    };
    let mut app = App::new(edition, Fingerprint::of_text("justify"), settings, vec![]);
    app.resize(50, 16);
    // At 50 columns one pane shows at a time: Tab to the reader.
    app.update(Action::NextPane);
    app
}

/// Screen rows 1..=4 (the reader's first four text rows), each wide
/// character once.
fn reader_rows(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(50, 16)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (1..=4u16)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < 50 {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line
        })
        .collect()
}

fn row(text: &str) -> String {
    format!("│{text}{}│", " ".repeat(48 - text.width()))
}

#[test]
fn justify_off_leaves_the_pushed_out_row_ragged() {
    assert_eq!(
        reader_rows(&app(false)),
        [
            row("标题"),
            row(""),
            row("　　一二三四五六七八九十百千万亿兆京垓秭穰沟涧"),
            row("正，载极。"),
        ]
    );
}

#[test]
fn justify_on_spreads_the_pushed_out_rows_missing_columns() {
    // The first row misses 2 columns over the 20 gaps between its 21
    // ideographs. `justify` gives the first k gaps round(2k/20) columns
    // in all, so the 5th gap (k = 5: 0.5 rounds up) and the 15th (k = 15:
    // 1.5 rounds up to 2) get one each: before 六 and before 京. The
    // paragraph's last row stays ragged.
    assert_eq!(
        reader_rows(&app(true)),
        [
            row("标题"),
            row(""),
            row("　　一二三四五 六七八九十百千万亿兆 京垓秭穰沟涧"),
            row("正，载极。"),
        ]
    );
}
