//! The event loop: one channel of [`Wake`]s, fed by an input thread (keys,
//! mouse, resizes), the signal thread, the store's saver thread (a save
//! finished) and the parse worker (the whole edition is in). The loop
//! blocks on it, with a timeout only while a reading position waits for its
//! periodic save, and draws after every wake-up: the [`Screen`] compares
//! the frame with the one shown and writes nothing when nothing changed, so
//! no hand-kept list of on-screen fields decides whether to draw.
//!
//! Input is routed in one place: [`Keymap::input`] turns a key into an
//! [`Action`] or a prompt [`Edit`](crate::app::input::Edit) for the
//! current mode; terminal actions (redraw, suspend) are carried out here,
//! and the rest by [`App::update`] (the library screen's too), whose
//! [`Effect`](crate::app::Effect) goes to [`effects::run`].

use std::io::{self, Stdout, Write as _};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};

use crossterm::event::{Event, KeyEvent, MouseEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Size};

use super::screen::Screen;
use super::{Session, effects, lifecycle, reading};
use crate::app::Action;
use crate::keymap::{Input, Keymap};

/// Why the event loop woke up.
#[derive(Debug)]
pub(super) enum Wake {
    /// A terminal event, or the error reading one.
    Input(io::Result<Event>),
    /// The store's saver thread finished a save.
    Saved,
    /// The parse worker ended (the whole edition, or nothing).
    Parsed,
    /// `SIGTSTP`: suspend as on `Ctrl-Z`.
    Suspend,
    /// A termination signal: stop as on `q`.
    Stop,
}

/// What the loop does after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Keep going.
    Continue,
    /// Leave the program.
    Quit,
}

/// The terminal the event loop draws on: the [`Screen`] that knows what it
/// shows, stdout, which gets each frame's bytes in one write, and whether
/// the mouse is captured.
pub(super) struct FrameTerminal {
    pub(super) screen: Screen,
    out: Stdout,
    pub(super) mouse: bool,
}

impl FrameTerminal {
    /// A screen of the terminal's current size.
    pub(super) fn new(mouse: bool) -> io::Result<Self> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(FrameTerminal {
            screen: Screen::new(Size::new(width, height)),
            out: io::stdout(),
            mouse,
        })
    }

    /// The terminal's size in columns × rows, as last told.
    pub(super) fn size(&self) -> Size {
        self.screen.size()
    }

    /// Draws `session` and writes what changed (nothing, when nothing did).
    fn draw(&mut self, session: &Session) -> io::Result<()> {
        let bytes = self.screen.draw(|buf| draw(session, buf));
        if bytes.is_empty() {
            return Ok(());
        }
        let mut out = self.out.lock();
        out.write_all(bytes)?;
        out.flush()
    }

    /// Writes `bytes` straight to the terminal (an OSC 52 sequence: it
    /// changes nothing on screen).
    pub(super) fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut out = self.out.lock();
        out.write_all(bytes)?;
        out.flush()
    }
}

/// Starts the thread that reads terminal events and sends them as
/// [`Wake::Input`]; it ends after a read error or once the loop is gone.
///
/// # Errors
/// The thread could not be started.
pub(super) fn read_input(wake: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("newsreader-input".to_owned())
        .spawn(move || {
            loop {
                let event = crossterm::event::read();
                let failed = event.is_err();
                if wake.send(Wake::Input(event)).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// Runs the reader until it quits or a [`Wake::Stop`] comes.
pub(super) fn run_loop(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    wakes: &Receiver<Wake>,
    waker: &Sender<Wake>,
) -> anyhow::Result<()> {
    let size = terminal.size();
    session.app.resize(size.width, size.height);
    if let Some(shelf) = session.app.shelf_mut() {
        shelf.count_unread(&session.store);
    }
    let mut saver = reading::PositionSaver::new(session.app.position());
    loop {
        terminal.draw(session)?;
        start_loading(session, waker);
        // Handed to the saver thread only once the frame is out, all the
        // changes of this event in one save.
        let reported = reading::save_reading(session, &mut saver, false);
        session.store.flush();
        let whole = reading::take_whole_edition(session)?;
        if reading::collect_saves(session) || reported || whole {
            continue;
        }
        let wake = match reading::next_wait(&saver, session) {
            Some(wait) => match wakes.recv_timeout(wait) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match wakes.recv() {
                Ok(wake) => wake,
                Err(mpsc::RecvError) => break,
            },
        };
        let flow = match wake {
            Wake::Input(event) => on_event(terminal, session, &mut saver, event?)?,
            Wake::Saved | Wake::Parsed => Flow::Continue,
            Wake::Suspend => suspend(terminal)?,
            Wake::Stop => Flow::Quit,
        };
        if flow == Flow::Quit {
            break;
        }
    }
    // Quitting never waits for a parse still running (see
    // `reading::leave_reading`): its result is dropped with the session.
    reading::leave_reading(session, &mut saver);
    Ok(())
}

/// The whole edition is parsed once the first frame is out, and the
/// article open then is set on the worker too; the worker wakes the loop
/// when it is done.
fn start_loading(session: &mut Session, waker: &Sender<Wake>) {
    if let Some(loading) = &mut session.loading
        && !loading.started()
    {
        let waker = waker.clone();
        loading.start_waking(crate::cli::open::SetHint::of(&session.app), move || {
            let _ = waker.send(Wake::Parsed);
        });
    }
}

/// Gives the terminal back and stops the process until `SIGCONT`, then
/// takes it again and draws every cell.
fn suspend(terminal: &mut FrameTerminal) -> io::Result<Flow> {
    lifecycle::suspend(terminal.mouse)?;
    terminal.screen.repaint();
    Ok(Flow::Continue)
}

/// One terminal event.
fn on_event(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut reading::PositionSaver,
    event: Event,
) -> anyhow::Result<Flow> {
    Ok(match event {
        Event::Key(key) => on_key(terminal, session, saver, &key)?,
        Event::Mouse(mouse) if terminal.mouse => on_mouse(terminal, session, saver, &mouse),
        Event::Resize(width, height) => {
            terminal.screen.resize(Size::new(width, height));
            session.app.resize(width, height);
            Flow::Continue
        }
        _ => Flow::Continue,
    })
}

/// A key, routed by [`Keymap::input`] for the mode the reader is in.
fn on_key(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut reading::PositionSaver,
    key: &KeyEvent,
) -> anyhow::Result<Flow> {
    if let Some(loading) = &mut session.loading {
        loading.touch();
    }
    let Some(input) = session.keymap.input(key, session.app.mode()) else {
        return Ok(Flow::Continue);
    };
    Ok(match input {
        // Whatever is on screen: another program may have written over the
        // terminal.
        Input::Action(Action::Redraw) => {
            terminal.screen.repaint();
            Flow::Continue
        }
        Input::Action(Action::Suspend) => suspend(terminal)?,
        Input::Action(action) => {
            let effect = session.app.update(action);
            effects::run(terminal, session, saver, effect)
        }
        Input::Edit(edit) => {
            let effect = session.app.edit(edit);
            effects::run(terminal, session, saver, effect)
        }
    })
}

/// A mouse event: the wheel or a click, in the reader or the library.
fn on_mouse(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut reading::PositionSaver,
    mouse: &MouseEvent,
) -> Flow {
    let Some(input) = Keymap::mouse_input(mouse) else {
        return Flow::Continue;
    };
    if let Some(loading) = &mut session.loading {
        loading.touch();
    }
    let effect = session.app.mouse(input);
    effects::run(terminal, session, saver, effect)
}

/// Draws the library screen or the reader into `buf`; returns where the
/// terminal cursor goes (`None`: hidden).
fn draw(session: &Session, buf: &mut Buffer) -> Option<Position> {
    let area = buf.area;
    ratatui::widgets::Widget::render(&session.app, area, buf);
    crate::ui::cursor(&session.app, area)
}
