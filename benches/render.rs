//! Frame time (issue 7): one frame of the reader at 200×60, drawn into a
//! ratatui `TestBackend` (render into the buffer plus the diff against the
//! previous frame) and, for the bytes a terminal would get, into a
//! `CrosstermBackend` writing to `io::sink()`.
//!
//! Editions: the sample, generated one-article editions of 100 KB, 1 MB and
//! 10 MB (`common/generate.rs`), and generated pages editions of 1 MB and
//! 10 MB (thousands of headlines). The reader is opened on the first article
//! and drawn at its top and deep inside it (the middle, after `Bottom` and
//! back up half the rows). Frame time must not grow with the article's
//! length or the edition's size.
//!
//! Two measurements per case:
//! - `redraw`: draw the same screen again (render + diff, nothing written);
//! - `page`: a PageDown or PageUp (alternating) and the frame after it, so
//!   every frame rewrites the whole reading pane.
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
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
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

fn frames(c: &mut Criterion) {
    for (id, text, deep) in cases() {
        let backend = TestBackend::new(WIDTH, HEIGHT);
        bench_state(c, "frame_test_backend", &id, reader(&text, deep), backend);
        let backend = CrosstermBackend::new(std::io::sink());
        bench_state(c, "frame_crossterm_sink", &id, reader(&text, deep), backend);
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
