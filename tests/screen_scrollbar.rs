//! The reading pane's scrollbar, drawn into a `TestBackend`: the thumb's
//! length and place worked out by hand from ratatui's rule (thumb =
//! viewport × track / rows, start = position × track / rows, each rounded
//! to nearest, with the number of scroll positions as content length).

#![allow(clippy::unwrap_used)]

use newsreader::app::{Action, App, Settings};
use newsreader::edition::Fingerprint;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/editions.rs"]
mod support;

/// A title and 13 one-row paragraphs with a blank row before each: 27 rows.
fn app() -> App {
    let paragraphs: Vec<String> = (1..=13).map(|n| format!("第{n}段。")).collect();
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let edition = support::edition(vec![support::article("标题", &paragraphs)]);
    let mut app = App::new(
        edition,
        Fingerprint::of_text("bar"),
        Settings::default(),
        vec![],
    );
    app.resize(50, 16);
    // At 50 columns one pane shows at a time: Tab to the reader.
    app.update(Action::NextPane);
    app
}

/// The right border's cells on the track (screen rows 1–13): `#` for the
/// thumb, `|` for the rest of the track.
fn track(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(50, 16)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (1..=13)
        .map(|y| match buffer[(49, y)].symbol() {
            "█" => '#',
            "║" => '|',
            other => panic!("row {y}: {other:?}"),
        })
        .collect()
}

fn scroll_to(app: &mut App, row: usize) {
    app.update(Action::Top);
    for _ in 0..row {
        app.update(Action::ScrollDown);
    }
    assert_eq!(app.scroll(), row);
}

#[test]
fn thumb_is_as_long_as_the_visible_share_and_reaches_the_bottom_at_the_last_row() {
    let mut app = app();
    assert_eq!(app.set_article().unwrap().rows.len(), 27);
    assert_eq!(app.reader_text_size().1, 13);
    // 13 rows of 27 in view on a 13-cell track: 13 × 13 / 27 = 6.26 → 6.
    assert_eq!(track(&app), "######|||||||");
    // Scroll positions 0..=14. At 7: start 7 × 13 / 27 = 3.37 → 3.
    scroll_to(&mut app, 7);
    assert_eq!(track(&app), "|||######||||");
    // At 13, one row still hidden: start 13 × 13 / 27 = 6.26 → 6, so the
    // thumb has not reached the bottom yet.
    scroll_to(&mut app, 13);
    assert_eq!(track(&app), "||||||######|");
    // At 14, the last: start 14 × 13 / 27 = 6.74 → 7, flush with the end.
    app.update(Action::Bottom);
    assert_eq!(app.scroll(), 14);
    assert_eq!(track(&app), "|||||||######");
}
