//! Frame time (issue 7): one frame of the reader at 200×60, drawn into a
//! ratatui `TestBackend` (render into the buffer plus ratatui's diff against
//! the previous frame) and through the reader's own
//! [`Screen`](newsreader::terminal::screen::Screen), the path the terminal
//! takes: render, compare with what is shown, and the bytes to write.
//!
//! Editions: the sample, generated one-article editions of 100 KB, 1 MB and
//! 10 MB (`common/generate.rs`), and generated pages editions of 1 MB and
//! 10 MB (thousands of headlines). The reader is opened on the first article
//! and drawn at its top and deep inside it (the middle, after `Bottom` and
//! back up half the rows). Frame time must not grow with the article's
//! length or the edition's size.
//!
//! Measurements per case:
//! - `redraw`: draw the same screen again (render + diff, nothing written);
//! - `page`: a PageDown or PageUp (alternating) and the frame after it, so
//!   every frame rewrites the whole reading pane;
//! - `article` (on `Screen` only): `]` or `[` (alternating) and the frame
//!   after it: another article in the reading pane and the selection moved
//!   in the headline list.
//!
//! ```sh
//! cargo bench --bench render -- --sample-size 10 --measurement-time 5
//! ```

#[path = "common/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use generate::Shape;
use newsreader::app::{Action, App, Settings};
use newsreader::edition::{LoadOptions, load};
use newsreader::terminal::screen::Screen;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use ratatui::{Terminal, TerminalOptions, Viewport};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const KB: usize = 1_000;
const MB: usize = 1_000_000;

/// A reader on `text`, resized to 200×60, with the first article open in
/// the reading pane; scrolled to the middle of it when `deep`.
fn reader(text: &str, deep: bool) -> App {
    let (edition, fingerprint) = load(text.as_bytes(), None, &LoadOptions::default());
    let mut app = App::new(edition, fingerprint, Settings::default(), vec![]);
    app.resize(WIDTH, HEIGHT);
    app.update(Action::Open);
    if deep {
        app.update(Action::Bottom);
        let rows = app.set_article().map_or(0, |s| s.rows.len());
        let page = app.reader_text_size().1.saturating_sub(1).max(1);
        for _ in 0..rows / 2 / page {
            app.update(Action::PageUp);
        }
    }
    app
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) {
    let _ = terminal.draw(|frame| frame.render_widget(black_box(app), frame.area()));
}

/// Benchmarks one reader state on `backend`: the same frame again, and a
/// page move plus its frame.
fn bench_state<B: Backend>(c: &mut Criterion, group: &str, id: &str, mut app: App, backend: B) {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
    };
    let Ok(mut terminal) = Terminal::with_options(backend, options) else {
        eprintln!("render bench: cannot make a terminal for {group}/{id}");
        return;
    };
    draw(&mut terminal, &app);
    let mut group_ = c.benchmark_group(group);
    group_.bench_function(BenchmarkId::new("redraw", id), |b| {
        b.iter(|| draw(&mut terminal, &app));
    });
    let mut down = true;
    group_.bench_function(BenchmarkId::new("page", id), |b| {
        b.iter(|| {
            app.update(if down {
                Action::PageDown
            } else {
                Action::PageUp
            });
            down = !down;
            draw(&mut terminal, &app);
        });
    });
    group_.finish();
}

fn cases() -> Vec<(String, String, bool)> {
    let sample = include_str!("../assets/edition.txt").to_owned();
    let mut cases = vec![("sample".to_owned(), sample, false)];
    for (size, label) in [(100 * KB, "100KB"), (MB, "1MB"), (10 * MB, "10MB")] {
        let text = generate::edition(Shape::OneArticle, size);
        cases.push((format!("one-article-{label}-top"), text.clone(), false));
        cases.push((format!("one-article-{label}-deep"), text, true));
    }
    for (size, label) in [(MB, "1MB"), (10 * MB, "10MB")] {
        let text = generate::edition(Shape::Pages, size);
        cases.push((format!("pages-{label}-top"), text, false));
    }
    cases
}

/// One frame through `screen`: the bytes' count, so nothing is optimised
/// away.
fn draw_screen(screen: &mut Screen, app: &App) -> usize {
    screen
        .draw(|buf| {
            black_box(app).render(buf.area, buf);
            None
        })
        .len()
}

/// Benchmarks one reader state through the reader's own [`Screen`]: the
/// same frame again, a page move, and a move to the next or previous
/// article, each with its frame.
fn bench_screen(c: &mut Criterion, id: &str, mut app: App) {
    let mut screen = Screen::new(Size::new(WIDTH, HEIGHT));
    draw_screen(&mut screen, &app);
    let mut group = c.benchmark_group("frame_screen");
    group.bench_function(BenchmarkId::new("redraw", id), |b| {
        b.iter(|| draw_screen(&mut screen, &app));
    });
    let mut forward = true;
    for (name, ahead, back) in [
        ("page", Action::PageDown, Action::PageUp),
        ("article", Action::NextArticle, Action::PreviousArticle),
    ] {
        group.bench_function(BenchmarkId::new(name, id), |b| {
            b.iter(|| {
                app.update(if forward { ahead } else { back });
                forward = !forward;
                draw_screen(&mut screen, &app)
            });
        });
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    for (id, text, deep) in cases() {
        let backend = TestBackend::new(WIDTH, HEIGHT);
        bench_state(c, "frame_test_backend", &id, reader(&text, deep), backend);
        bench_screen(c, &id, reader(&text, deep));
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
