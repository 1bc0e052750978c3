//! The terminal side of the reader: asking the terminal how wide it draws
//! East Asian Ambiguous characters, and the event loop.
//!
//! This is the only module of the reader that touches the terminal or the
//! store. The loop blocks on `crossterm::event::read`; it polls with a
//! timeout only while an unsaved reading position is waiting for its
//! periodic save. It redraws only after an event that changed something.

use std::io::Write as _;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use crate::app::{App, Effect};
use crate::edition::Fingerprint;
use crate::keymap::Keymap;
use crate::store::{Position, Store};
use crate::typeset::AmbiguousWidth;

/// How long [`probe_ambiguous_width`] waits for the terminal's answer.
pub const PROBE_TIMEOUT: Duration = Duration::from_millis(100);

/// How often, at most, the reading position is saved while reading within
/// one article. A change of article is saved at once.
pub const POSITION_SAVE_INTERVAL: Duration = Duration::from_secs(3);

/// Asks the terminal how many columns it gives `“` (U+201C, East Asian
/// Ambiguous in UAX #11): moves to column 0, prints it, and reads the cursor
/// position back (a DSR query), then clears the line. Falls back to
/// [`AmbiguousWidth::Narrow`] when the terminal does not answer within
/// `timeout` or anything fails. Call only when stdout is a terminal, before
/// the UI starts.
///
/// `crossterm::cursor::position` waits up to 2 s by itself, so it runs on a
/// helper thread and this function stops waiting after `timeout`; a late
/// answer is consumed by that thread.
pub fn probe_ambiguous_width(timeout: Duration) -> AmbiguousWidth {
    if crossterm::terminal::enable_raw_mode().is_err() {
        return AmbiguousWidth::Narrow;
    }
    let mut out = std::io::stdout();
    let answer = write!(out, "\r\u{201c}")
        .and_then(|()| out.flush())
        .ok()
        .and_then(|()| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(crossterm::cursor::position());
            });
            rx.recv_timeout(timeout).ok().and_then(Result::ok)
        });
    let _ = write!(out, "\r\x1b[2K").and_then(|()| out.flush());
    let _ = crossterm::terminal::disable_raw_mode();
    match answer {
        Some((column, _)) if column >= 2 => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// Everything the event loop works on.
#[derive(Debug)]
pub struct Session {
    /// The reader's state.
    pub app: App,
    /// Keys to actions.
    pub keymap: Keymap,
    /// Where bookmarks and positions are saved.
    pub store: Store,
    /// The edition's path, recorded with its state.
    pub path: Option<String>,
    /// Every store message shown in the status bar, to repeat on stderr
    /// once the terminal is restored.
    pub messages: Vec<String>,
}

/// Runs the reader until the user quits: sets the terminal up (raw mode,
/// alternate screen, a panic hook that restores it), runs the event loop,
/// and restores the terminal whatever happened.
///
/// # Errors
/// Terminal I/O errors. Store errors are shown in the status bar instead.
pub fn run(session: &mut Session) -> anyhow::Result<()> {
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(err) => {
            ratatui::restore();
            return Err(err).context("cannot set up the terminal");
        }
    };
    let result = event_loop(&mut terminal, session);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, session: &mut Session) -> anyhow::Result<()> {
    let size = terminal.size()?;
    session.app.resize(size.width, size.height);
    let mut saver = PositionSaver::new(session.app.position());
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|frame| frame.render_widget(&session.app, frame.area()))?;
        }
        // Saved only once the frame is out: a save syncs a file to disk,
        // which would hold back the new screen by milliseconds.
        if saver.save_if_due(session, false) {
            redraw = true;
            continue;
        }
        let event = match saver.due_in(&session.app) {
            Some(wait) => event::poll(wait)?.then(event::read).transpose()?,
            None => Some(event::read()?),
        };
        redraw = match event {
            None => false,
            Some(Event::Key(key)) => match session.keymap.action(&key) {
                Some(action) => {
                    let before = session.app.view_key();
                    let effect = session.app.update(action);
                    if effect == Some(Effect::Quit) {
                        break;
                    }
                    apply(session, effect);
                    session.app.view_key() != before
                }
                None => false,
            },
            Some(Event::Resize(width, height)) => {
                session.app.resize(width, height);
                true
            }
            Some(_) => false,
        };
    }
    saver.save_if_due(session, true);
    Ok(())
}

/// Carries out an app effect on the store, reporting failures in the
/// status bar.
fn apply(session: &mut Session, effect: Option<Effect>) {
    let fingerprint = session.app.fingerprint().clone();
    let result = match effect {
        Some(Effect::AddBookmark(bookmark)) => {
            session
                .store
                .add_bookmark(&fingerprint, session.path.as_deref(), bookmark)
        }
        Some(Effect::RemoveBookmark(id)) => session.store.remove_bookmark(&fingerprint, &id),
        Some(Effect::Quit) | None => Ok(()),
    };
    // A failed save keeps the change in memory; the store says so once per
    // failing streak through its messages, which `report` shows.
    drop(result);
    report(session);
}

/// Shows the store's latest message (saving started failing, works again,
/// a corrupt file moved aside) in the status bar. Returns true when
/// something was shown.
fn report(session: &mut Session) -> bool {
    let messages = session.store.take_messages();
    let Some(last) = messages.last().cloned() else {
        return false;
    };
    session.messages.extend(messages);
    session.app.notify(last);
    true
}

/// Decides when the reading position is written: at once when the article
/// changed, else at most every [`POSITION_SAVE_INTERVAL`], and on quit.
#[derive(Debug)]
struct PositionSaver {
    saved: Option<Position>,
    last_save: Instant,
}

impl PositionSaver {
    fn new(saved: Option<Position>) -> Self {
        PositionSaver {
            saved,
            last_save: Instant::now(),
        }
    }

    /// How long until an unsaved position is due; `None` when nothing is
    /// waiting (the loop may then block).
    fn due_in(&self, app: &App) -> Option<Duration> {
        (app.position() != self.saved)
            .then(|| POSITION_SAVE_INTERVAL.saturating_sub(self.last_save.elapsed()))
    }

    /// Saves the position if it changed and is due (or `force`). Returns
    /// true when a message was added to the status bar.
    fn save_if_due(&mut self, session: &mut Session, force: bool) -> bool {
        let Some(position) = session.app.position() else {
            return false;
        };
        if Some(&position) == self.saved.as_ref() {
            return false;
        }
        let article_changed = self.saved.as_ref().map(|p| &p.article) != Some(&position.article);
        let due = self.last_save.elapsed() >= POSITION_SAVE_INTERVAL;
        if !(force || article_changed || due) {
            return false;
        }
        self.last_save = Instant::now();
        self.saved = Some(position.clone());
        let fingerprint: Fingerprint = session.app.fingerprint().clone();
        let Some(article) = session.app.current_article() else {
            return false;
        };
        // A failure is announced by the store's messages (see `report`).
        let _ = session.store.set_reading_position(
            &fingerprint,
            session.path.as_deref(),
            article,
            position.anchor,
        );
        report(session)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::app::{Action, Settings};
    use crate::edition::{Article, ArticleId, Edition, Headline, Page};

    fn article(title: &str, paragraphs: usize) -> Article {
        let headline = Headline {
            title: vec![title.to_owned()],
            ..Headline::default()
        };
        let paragraphs: Vec<String> = (0..paragraphs).map(|i| format!("第{i}段。")).collect();
        Article {
            id: ArticleId::derive(&headline, &paragraphs),
            headline,
            paragraphs,
            ..Article::default()
        }
    }

    fn session(dir: &std::path::Path) -> Session {
        let edition = Edition {
            pages: vec![Page {
                number: 1,
                articles: vec![article("一", 1), article("二", 40)],
                ..Page::default()
            }],
            ..Edition::default()
        };
        let mut app = App::new(
            edition,
            Fingerprint::of_text("t"),
            Settings::default(),
            vec![],
        );
        app.resize(120, 40);
        Session {
            app,
            keymap: Keymap::default(),
            store: Store::open(dir).0,
            path: Some("t.txt".into()),
            messages: Vec::new(),
        }
    }

    fn saved(session: &Session) -> Option<Position> {
        session
            .store
            .edition(session.app.fingerprint())
            .and_then(|e| e.position.clone())
    }

    #[test]
    fn article_change_is_saved_at_once_and_scrolling_waits_for_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(dir.path());
        let mut saver = PositionSaver::new(session.app.position());
        assert_eq!(saver.due_in(&session.app), None, "nothing to save: block");

        session.app.update(Action::NextArticle);
        saver.save_if_due(&mut session, false);
        assert_eq!(saved(&session), session.app.position());

        session.app.update(Action::NextPane);
        session.app.update(Action::PageDown);
        let scrolled = session.app.position();
        assert_ne!(saved(&session), scrolled);
        saver.save_if_due(&mut session, false);
        assert_ne!(saved(&session), scrolled, "saved only after the interval");
        let wait = saver.due_in(&session.app).unwrap();
        assert!(wait <= POSITION_SAVE_INTERVAL);

        saver.save_if_due(&mut session, true);
        assert_eq!(saved(&session), scrolled, "saved on quit");
        assert_eq!(saver.due_in(&session.app), None);
    }
}
