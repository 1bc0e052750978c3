//! The terminal side of the reader: asking the terminal how wide it draws
//! East Asian Ambiguous characters, and the event loop.
//!
//! This is the only module of the reader that touches the terminal or the
//! store. The loop blocks on `crossterm::event::read`; it polls with a
//! timeout only while an unsaved reading position is waiting for its
//! periodic save, the store's saver thread has a save in flight (to show
//! its outcome), or the whole edition is still being parsed behind a
//! provisional one (to swap it in: [`crate::cli::open::complete`]). It
//! redraws only after an event that changed something, through
//! [`screen::Screen`], which writes only the cells that changed, in one
//! write per frame.
//!
//! Store changes are saved off the loop: the store runs a saver thread
//! ([`Store::save_in_background`]), the loop hands it the state once per
//! event, after the frame ([`Store::flush`]), and joins it on quit before the
//! terminal is restored ([`Store::finish`]).
//!
//! It also carries out what the app asks for but cannot do itself: saving
//! bookmarks and read marks, writing the OSC 52 clipboard sequence to the
//! terminal (never from the renderer), and, in a library, opening another
//! edition (parsed only then) or going back to the list of editions.

use std::ffi::OsString;
use std::io::{self, Stdout, Write as _};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{self, Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

use screen::Screen;

use crate::app::shelf::{Shelf, ShelfEffect};
use crate::app::{Action, App, Effect};
use crate::cli::open::{self, Loading, Progress, ReaderOptions};
use crate::edition::Fingerprint;
use crate::keymap::Keymap;
use crate::store::{Notice, Position, Store};
use crate::typeset::AmbiguousWidth;

pub mod screen;

/// The terminal the event loop draws on: the [`Screen`] that knows what it
/// shows, and stdout, which gets each frame's bytes in one write.
struct FrameTerminal {
    screen: Screen,
    out: Stdout,
}

impl FrameTerminal {
    /// The terminal's size in columns × rows, as last told.
    fn size(&self) -> Size {
        self.screen.size()
    }

    /// Draws `session` and writes what changed.
    fn draw(&mut self, session: &Session) -> io::Result<()> {
        let bytes = self.screen.draw(|buf| draw(session, buf));
        let mut out = self.out.lock();
        out.write_all(bytes)?;
        out.flush()
    }

    /// Writes `bytes` straight to the terminal (an OSC 52 sequence: it
    /// changes nothing on screen).
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut out = self.out.lock();
        out.write_all(bytes)?;
        out.flush()
    }
}

/// How long [`probe_ambiguous_width`] waits for the terminal's answer.
pub const PROBE_TIMEOUT: Duration = Duration::from_millis(100);

/// How often, at most, the reading position is saved while reading within
/// one article. A change of article is saved at once.
pub const POSITION_SAVE_INTERVAL: Duration = Duration::from_secs(3);

/// How often the loop wakes to look for the outcome of a background save,
/// only while one is in flight (a save takes a few milliseconds; the loop
/// otherwise blocks on the terminal).
const SAVE_CHECK_INTERVAL: Duration = Duration::from_millis(5);

/// How often the loop wakes to look for the whole edition while a
/// provisional one is shown (parsing a 10 MB edition takes a few hundred
/// milliseconds; the loop otherwise blocks on the terminal).
const LOAD_CHECK_INTERVAL: Duration = Duration::from_millis(5);

/// Asks the terminal how many columns it gives `“` (U+201C, East Asian
/// Ambiguous in UAX #11): on the alternate screen, moves to column 0, prints
/// it, and reads the cursor position back (a DSR query), then clears the
/// line and leaves the alternate screen, so the shell's screen (the prompt
/// line included) is left as it was. Falls back to
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
    let answer = write_probe(&mut out)
        .and_then(|()| out.flush())
        .ok()
        .and_then(|()| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(crossterm::cursor::position());
            });
            rx.recv_timeout(timeout).ok().and_then(Result::ok)
        });
    let _ = erase_probe(&mut out).and_then(|()| out.flush());
    let _ = crossterm::terminal::disable_raw_mode();
    match answer {
        Some((column, _)) if column >= 2 => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// Switches to the alternate screen (xterm's mode 1049, which also saves the
/// cursor) and prints `“` at column 0 of the cursor's row.
fn write_probe(out: &mut impl std::io::Write) -> std::io::Result<()> {
    write!(out, "\x1b[?1049h\r\u{201c}")
}

/// Clears the probe's row and goes back to the main screen, restoring the
/// cursor saved by [`write_probe`].
fn erase_probe(out: &mut impl std::io::Write) -> std::io::Result<()> {
    write!(out, "\r\x1b[2K\x1b[?1049l")
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
    /// Every store message shown in the status bar, to repeat in full on
    /// stderr once the terminal is restored.
    pub messages: Vec<Notice>,
    /// Terminal I/O settings.
    pub io: Io,
    /// The library, when several editions were given; `None` for one file.
    pub library: Option<LibraryMode>,
    /// The whole edition still being parsed while the app shows a
    /// provisional one.
    pub loading: Option<Loading>,
}

/// Terminal I/O settings of a [`Session`].
#[derive(Debug, Clone, Default)]
pub struct Io {
    /// Capture the mouse (config `mouse`).
    pub mouse: bool,
    /// The value of `$TMUX`: OSC 52 then goes through tmux's passthrough.
    pub tmux: Option<OsString>,
}

/// A library of editions and how to open them.
#[derive(Debug)]
pub struct LibraryMode {
    /// The library screen's state.
    pub shelf: Shelf,
    /// What every opened edition shares.
    pub options: ReaderOptions,
    /// A message for the library screen's status bar (a file that could
    /// not be opened).
    pub message: Option<String>,
}

/// What the loop does after an event.
enum Flow {
    /// Keep going; redraw if true.
    Continue(bool),
    /// Leave the program.
    Quit,
}

/// Runs the reader until the user quits or a termination signal comes:
/// sets the terminal up (raw mode, alternate screen, a panic hook and a
/// signal thread that give it back), runs the event loop, saves, and gives
/// the terminal back whatever happened. Returns the signal that stopped
/// the reader, if one did (the caller exits with 128 + it).
///
/// # Errors
/// Terminal I/O errors. Store errors are shown in the status bar instead.
pub fn run(session: &mut Session) -> anyhow::Result<Option<i32>> {
    let mouse = session.io.mouse;
    let setup = enter_terminal(mouse).and_then(|()| {
        let (width, height) = crossterm::terminal::size()?;
        Ok(FrameTerminal {
            screen: Screen::new(Size::new(width, height)),
            out: std::io::stdout(),
        })
    });
    let mut terminal = match setup {
        Ok(terminal) => terminal,
        Err(err) => {
            leave_terminal(mouse);
            return Err(err).context("cannot set up the terminal");
        }
    };
    restore_on_panic(mouse);
    let signals = stop_on_signals(mouse);
    session.store.save_in_background();
    let stop = signals.as_ref().map(|s| Arc::clone(&s.stop));
    let result = event_loop(&mut terminal, session, stop.as_deref());
    // Everything reaches the disk before the terminal is given back.
    session.store.finish();
    leave_terminal(mouse);
    let signal = signals.and_then(Signals::finish);
    result.map(|()| signal)
}

/// Takes the terminal over: raw mode, the alternate screen, and mouse
/// reporting when asked for.
fn enter_terminal(mouse: bool) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was before [`enter_terminal`]: mouse
/// reporting off, the cursor shown (frames hide it), the main screen,
/// cooked mode. For every way out: the end of [`run`], a panic on the
/// event loop's thread, a signal. Errors are ignored: there is nothing
/// left to tell them on.
fn leave_terminal(mouse: bool) {
    let mut out = std::io::stdout().lock();
    if mouse {
        let _ = crossterm::execute!(out, crossterm::event::DisableMouseCapture);
    }
    let _ = crossterm::execute!(
        out,
        crossterm::style::SetAttribute(crossterm::style::Attribute::Reset),
        crossterm::cursor::Show,
        crossterm::terminal::LeaveAlternateScreen
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// A panic on this (the event loop's) thread gives the terminal back
/// before the panic message is printed. A panic on another thread (a
/// parse worker: its edition is then given up) leaves the reader running.
fn restore_on_panic(mouse: bool) {
    let ui = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui {
            leave_terminal(mouse);
        }
        previous(info);
    }));
}

/// How long the reader has to stop on its own after SIGTERM, SIGHUP,
/// SIGINT or SIGQUIT before the signal thread gives the terminal back and
/// exits itself.
pub const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// The thread that turns a termination signal into an orderly stop.
struct Signals {
    /// The signal received (0: none), for the event loop.
    stop: Arc<AtomicI32>,
    /// Set once the reader has stopped and given the terminal back.
    done: Arc<AtomicBool>,
    handle: signal_hook::iterator::Handle,
}

impl Signals {
    /// Stops listening; the signal that stopped the reader, if one did.
    fn finish(self) -> Option<i32> {
        self.done.store(true, Ordering::SeqCst);
        self.handle.close();
        let signal = self.stop.load(Ordering::SeqCst);
        (signal != 0).then_some(signal)
    }
}

/// Listens for SIGTERM, SIGHUP, SIGINT (`kill -INT`: in raw mode Ctrl-C is
/// a key) and SIGQUIT. On one, the event loop is asked to stop: the signal
/// is recorded and SIGWINCH raised, which wakes crossterm's blocking read
/// with a resize event; the loop then leaves as on `q`, saving the reading
/// position, and [`run`] gives the terminal back. If that has not happened
/// within [`SIGNAL_GRACE`], the thread gives the terminal back itself and
/// exits with status 128 + the signal. `None` if the handlers could not be
/// installed (the signals then act as they would without us).
fn stop_on_signals(mouse: bool) -> Option<Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    let mut iterator =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).ok()?;
    let stop = Arc::new(AtomicI32::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let handle = iterator.handle();
    let (thread_stop, thread_done) = (Arc::clone(&stop), Arc::clone(&done));
    std::thread::Builder::new()
        .name("newsreader-signals".to_owned())
        .spawn(move || {
            let Some(signal) = iterator.forever().next() else {
                return;
            };
            thread_stop.store(signal, Ordering::SeqCst);
            let _ = signal_hook::low_level::raise(SIGWINCH);
            let deadline = Instant::now() + SIGNAL_GRACE;
            while Instant::now() < deadline {
                if thread_done.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            // Holding stdout until the process ends: no frame after this.
            let _out = std::io::stdout().lock();
            leave_terminal(mouse);
            std::process::exit(128 + signal);
        })
        .ok()?;
    Some(Signals { stop, done, handle })
}

/// Runs the reader until it quits, or `stop` holds a signal.
fn event_loop(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    stop: Option<&AtomicI32>,
) -> anyhow::Result<()> {
    let size = terminal.size();
    session.app.resize(size.width, size.height);
    if let Some(library) = &mut session.library {
        library.shelf.height = usize::from(size.height.saturating_sub(3));
        library.shelf.width = usize::from(size.width);
        library.shelf.count_unread(&session.store);
    }
    let mut saver = PositionSaver::new(session.app.position());
    let mut redraw = true;
    loop {
        if stop.is_some_and(|s| s.load(Ordering::SeqCst) != 0) {
            break;
        }
        if redraw {
            terminal.draw(session)?;
        }
        // The whole edition is parsed once the first frame is out, and the
        // article open then is set on the worker too.
        if let Some(loading) = &mut session.loading
            && !loading.started()
        {
            loading.start(open::SetHint::of(&session.app));
        }
        // Handed to the saver thread only once the frame is out, all the
        // changes of this event in one save.
        let reported = save_reading(session, &mut saver, false);
        session.store.flush();
        if collect_saves(session) || reported || take_whole_edition(session) {
            redraw = true;
            continue;
        }
        let wait = next_wait(
            saver.due_in(&session.app),
            session.store.saving(),
            session.loading.as_ref().map(|l| l.known),
        );
        let event = match wait {
            Some(wait) => event::poll(wait)?.then(event::read).transpose()?,
            None => Some(event::read()?),
        };
        let flow = match event {
            None => Flow::Continue(false),
            Some(Event::Key(key)) => on_key(terminal, session, &mut saver, &key)?,
            Some(Event::Mouse(mouse)) if session.io.mouse => {
                on_mouse(terminal, session, &mut saver, &mouse)
            }
            Some(Event::Resize(width, height)) => {
                terminal.screen.resize(Size::new(width, height));
                session.app.resize(width, height);
                if let Some(library) = &mut session.library {
                    library.shelf.height = usize::from(height.saturating_sub(3));
                    library.shelf.width = usize::from(width);
                }
                Flow::Continue(true)
            }
            Some(_) => Flow::Continue(false),
        };
        redraw = match flow {
            Flow::Quit => break,
            Flow::Continue(redraw) => redraw,
        };
    }
    // Quitting waits for a parse still running only to save what the
    // reader changed in an edition the store does not know yet (see
    // `leave_reading`); otherwise its result is dropped with the session.
    leave_reading(session, &mut saver);
    Ok(())
}

/// How long the loop may block before it must look again: until the
/// reading position's save is `due`, every [`SAVE_CHECK_INTERVAL`] while
/// the store is `saving`, every [`LOAD_CHECK_INTERVAL`] while an edition is
/// `loading` (`Some(known)`); `None` blocks until the next event. A
/// position held back while an edition the store does not know loads (see
/// [`save_reading`]) is not due: waking for it would spin until the load
/// ends.
fn next_wait(due: Option<Duration>, saving: bool, loading: Option<bool>) -> Option<Duration> {
    let due = due.filter(|_| loading != Some(false));
    let wait = match (due, saving) {
        (Some(due), true) => Some(due.min(SAVE_CHECK_INTERVAL)),
        (None, true) => Some(SAVE_CHECK_INTERVAL),
        (due, false) => due,
    };
    match (wait, loading.is_some()) {
        (Some(wait), true) => Some(wait.min(LOAD_CHECK_INTERVAL)),
        (None, true) => Some(LOAD_CHECK_INTERVAL),
        (wait, false) => wait,
    }
}

/// Saves the read marks and the reading position before the edition is
/// left (quit, or another edition opened). In an edition the store does not
/// know yet, still loading, they were held back (see [`save_reading`]): if
/// the reader changed any, this waits for the whole edition so that they
/// are saved under the right state; if not, nothing waits.
fn leave_reading(session: &mut Session, saver: &mut PositionSaver) {
    let unknown = session.loading.as_ref().is_some_and(|l| !l.known);
    if unknown && (session.app.has_read_changes() || saver.due_in(&session.app).is_some()) {
        finish_loading(session);
    }
    save_reading(session, saver, true);
}

/// Saves the read marks and (when due, or with `force`) the reading
/// position. Returns true when a store message was shown. While an edition
/// the store does not know yet is loading, nothing is saved: the store
/// learns of it only from the whole edition (whose titles may match an
/// older extraction's state), and the changes stay pending in the app.
fn save_reading(session: &mut Session, saver: &mut PositionSaver, force: bool) -> bool {
    if session.loading.as_ref().is_some_and(|l| !l.known) {
        return false;
    }
    let marks_reported = save_read_marks(session);
    saver.save_if_due(session, force) || marks_reported
}

/// Waits for the whole edition and swaps it in (see [`open::complete`]).
fn finish_loading(session: &mut Session) {
    let Some(mut loading) = session.loading.take() else {
        return;
    };
    match loading.wait() {
        Some(whole) => {
            let notices = open::complete(&mut session.app, &mut session.store, &loading, whole);
            session.messages.extend(notices);
        }
        None => session.app.stop_loading(),
    }
}

/// Swaps in the whole edition if the worker has finished it (see
/// [`open::complete`]). True when the screen changed.
fn take_whole_edition(session: &mut Session) -> bool {
    let Some(loading) = &session.loading else {
        return false;
    };
    match loading.poll() {
        Progress::Waiting => false,
        Progress::Done(whole) => {
            let notices = open::complete(&mut session.app, &mut session.store, loading, *whole);
            session.messages.extend(notices);
            session.loading = None;
            true
        }
        Progress::Failed => {
            session.loading = None;
            session.app.stop_loading();
            session
                .app
                .notify("could not parse the whole edition; showing its first part");
            true
        }
    }
}

/// Draws the library screen or the reader into `buf`; returns where the
/// terminal cursor goes (`None`: hidden).
fn draw(session: &Session, buf: &mut Buffer) -> Option<ratatui::layout::Position> {
    let area = buf.area;
    match &session.library {
        Some(library) if library.shelf.showing => {
            crate::ui::library::render(
                &library.shelf,
                session.app.theme(),
                session.app.typeset_options().ambiguous,
                library.message.as_deref(),
                area,
                buf,
            );
            None
        }
        _ => {
            ratatui::widgets::Widget::render(&session.app, area, buf);
            crate::ui::cursor(&session.app, area)
        }
    }
}

/// Handles a key: on the library screen, in the search prompt, or as an
/// action of the reader.
fn on_key(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    key: &KeyEvent,
) -> anyhow::Result<Flow> {
    if let Some(loading) = &mut session.loading {
        loading.touch();
    }
    // Whatever is on screen: another program may have written over the
    // terminal. (In a prompt, a key that edits the text is text, even if
    // the config binds it to redraw.)
    let typing = (session.app.editing() || session.app.prompt().is_some())
        && crate::keymap::edit_of(key).is_some();
    if !typing && session.keymap.action(key) == Some(Action::Redraw) {
        terminal.screen.repaint();
        return Ok(Flow::Continue(true));
    }
    if session.library.as_ref().is_some_and(|l| l.shelf.showing) {
        let Some(action) = session.keymap.action(key) else {
            return Ok(Flow::Continue(false));
        };
        return Ok(on_library_action(terminal, session, saver, action));
    }
    if session.app.editing() {
        let before = session.app.view_key();
        let effect = crate::keymap::edit_of(key).and_then(|e| session.app.edit(e));
        apply(session, effect);
        return Ok(Flow::Continue(session.app.view_key() != before));
    }
    if session.app.prompt().is_some() {
        let before = session.app.view_key();
        if let Some(edit) = crate::keymap::edit_of(key) {
            session.app.prompt_input(edit);
        }
        return Ok(Flow::Continue(session.app.view_key() != before));
    }
    let Some(action) = session.keymap.action(key) else {
        return Ok(Flow::Continue(false));
    };
    let before = session.app.view_key();
    match session.app.update(action) {
        Some(Effect::Quit) => return Ok(leave_edition(session, saver)),
        // The loop saves the read marks and the position on its way out.
        Some(Effect::Exit) => return Ok(Flow::Quit),
        Some(Effect::Copy(text)) => {
            let sequence = crate::clipboard::osc52_for(&text, session.io.tmux.as_deref());
            if terminal.write_raw(sequence.as_bytes()).is_err() {
                session
                    .app
                    .notify("could not write to the terminal's clipboard");
            }
        }
        Some(Effect::SwitchEdition(forward)) => {
            // Another app: its view key says nothing about the screen.
            switch_edition(terminal, session, saver, forward);
            return Ok(Flow::Continue(true));
        }
        effect => apply(session, effect),
    }
    Ok(Flow::Continue(session.app.view_key() != before))
}

/// An action on the library screen.
fn on_library_action(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    action: Action,
) -> Flow {
    let Some(library) = &mut session.library else {
        return Flow::Continue(false);
    };
    library.message = None;
    match library.shelf.update(action) {
        Some(ShelfEffect::Quit) => Flow::Quit,
        Some(ShelfEffect::Open(index)) => {
            open_entry(terminal, session, saver, index);
            Flow::Continue(true)
        }
        None => Flow::Continue(true),
    }
}

/// `q` in the reader: quits, or in a library saves the position and goes
/// back to the list of editions.
fn leave_edition(session: &mut Session, saver: &mut PositionSaver) -> Flow {
    if session.library.is_none() {
        return Flow::Quit;
    }
    leave_reading(session, saver);
    if let Some(library) = &mut session.library {
        library.shelf.count_unread(&session.store);
        library.shelf.showing = true;
    }
    Flow::Continue(true)
}

/// `{` / `}`: opens the previous or next edition of the library.
fn switch_edition(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    forward: bool,
) {
    let Some(library) = &session.library else {
        session
            .app
            .notify("one edition open: give several files or a directory for a library");
        return;
    };
    match library.shelf.neighbour(forward) {
        Some(index) => open_entry(terminal, session, saver, index),
        None if forward => session.app.notify("this is the last edition"),
        None => session.app.notify("this is the first edition"),
    }
}

/// Parses and opens library entry `index`, saving the open edition's
/// position first. A file that cannot be opened leaves the library screen
/// up with the error in its status bar.
fn open_entry(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    index: usize,
) {
    leave_reading(session, saver);
    let Some(library) = &mut session.library else {
        return;
    };
    let Some(entry) = library.shelf.library().entries.get(index) else {
        return;
    };
    let path = entry.path.clone();
    let count = library.shelf.library().len();
    match crate::cli::open::open(&path, &library.options, &mut session.store) {
        Ok(opened) => {
            session.app = opened.app;
            let size = terminal.size();
            session.app.resize(size.width, size.height);
            session.app.set_edition_place(index, count);
            session.path = Some(opened.source);
            session.messages.extend(opened.warnings);
            session.loading = opened.loading;
            library.shelf.set_open(index);
            *saver = PositionSaver::new(session.app.position());
        }
        Err(err) => {
            let message = format!("{err:#}");
            session.messages.push(Notice::plain(message.clone()));
            library.message = Some(message);
            library.shelf.showing = true;
        }
    }
}

/// A mouse event: the wheel or a click, in the reader or the library.
fn on_mouse(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    mouse: &crossterm::event::MouseEvent,
) -> Flow {
    let Some(input) = Keymap::mouse_input(mouse) else {
        return Flow::Continue(false);
    };
    if let Some(loading) = &mut session.loading {
        loading.touch();
    }
    if let Some(library) = &mut session.library
        && library.shelf.showing
    {
        let effect = match input {
            crate::app::MouseInput::WheelDown(..) => library.shelf.update(Action::ScrollDown),
            crate::app::MouseInput::WheelUp(..) => library.shelf.update(Action::ScrollUp),
            crate::app::MouseInput::Click(_, row) => library.shelf.click(usize::from(row)),
        };
        if let Some(ShelfEffect::Open(index)) = effect {
            open_entry(terminal, session, saver, index);
        }
        return Flow::Continue(true);
    }
    Flow::Continue(session.app.mouse(input))
}

/// Takes in the saver thread's finished saves: other readers' bookmarks
/// they merged in, and failures for the status bar. True when the screen
/// changed.
fn collect_saves(session: &mut Session) -> bool {
    if !session.store.collect() {
        return false;
    }
    let before = session.app.view_key();
    sync_bookmarks(session);
    report(session) || session.app.view_key() != before
}

/// Saves the read marks the app changed. Returns true when a store
/// message was shown.
fn save_read_marks(session: &mut Session) -> bool {
    let changes = session.app.take_read_changes();
    if changes.is_empty() {
        return false;
    }
    let fingerprint = session.app.fingerprint().clone();
    for (article, read) in changes {
        // A failure is announced by the store's messages (see `report`).
        let _ = session.store.set_read(&fingerprint, &article, read);
    }
    report(session)
}

/// Carries out an app effect on the store, reporting failures in the
/// status bar. After a change the app takes in the store's list, which a
/// save merged with other readers' changes.
fn apply(session: &mut Session, effect: Option<Effect>) {
    let Some(effect) = effect else {
        return;
    };
    let bookmark_change = matches!(
        effect,
        Effect::AddBookmark(_)
            | Effect::RemoveBookmark(_)
            | Effect::SetNote { .. }
            | Effect::UndoRemove
    );
    if bookmark_change && session.loading.as_ref().is_some_and(|l| !l.known) {
        // A bookmark is saved at once, and saving creates the edition's
        // entry in the store; that must come after the store has matched
        // the whole edition's titles against older extractions.
        finish_loading(session);
    }
    let fingerprint = session.app.fingerprint().clone();
    let store = &mut session.store;
    // A failed save keeps the change in memory; the store says so for
    // every failed save through its messages, which `report` shows.
    match effect {
        Effect::AddBookmark(bookmark) => {
            let _ = store.add_bookmark(&fingerprint, session.path.as_deref(), bookmark);
        }
        Effect::RemoveBookmark(id) => {
            let _ = store.remove_bookmark(&fingerprint, &id);
        }
        Effect::SetNote { id, note } => {
            let _ = store.set_note(&fingerprint, &id, note.as_deref());
        }
        Effect::UndoRemove => undo_remove(session, &fingerprint),
        Effect::RefreshBookmarks => store.refresh(),
        // Carried out by the event loop itself.
        Effect::Quit | Effect::Exit | Effect::Copy(_) | Effect::SwitchEdition(_) => return,
    }
    // A bookmark change is on disk before the screen shows it (issue 5: a
    // kill -9 right after `b` keeps the bookmark); it waits for the saver
    // thread, which also writes any position or read mark still pending.
    session.store.flush_and_wait();
    sync_bookmarks(session);
    report(session);
}

/// Restores the bookmark deleted last and selects it.
fn undo_remove(session: &mut Session, fingerprint: &Fingerprint) {
    let restored = match session.store.last_removed() {
        Some((edition, bookmark)) if edition == fingerprint => Some(bookmark.id.clone()),
        Some(_) | None => None,
    };
    let Some(id) = restored else {
        session.app.notify("no deleted bookmark to bring back");
        return;
    };
    // Kept in memory even if the save fails (reported by `report`).
    let _ = session.store.undo_remove();
    sync_bookmarks(session);
    session.app.select_bookmark(&id);
    session.app.notify("bookmark restored");
}

/// Hands the app this edition's bookmarks as the store has them.
fn sync_bookmarks(session: &mut Session) {
    let bookmarks = session
        .store
        .edition(session.app.fingerprint())
        .map(|e| e.bookmarks.clone())
        .unwrap_or_default();
    session.app.sync_bookmarks(bookmarks);
}

/// Shows the store's latest message (saving started failing, works again,
/// a corrupt file moved aside) in the status bar. Returns true when
/// something was shown.
fn report(session: &mut Session) -> bool {
    let messages = session.store.take_messages();
    let Some(last) = messages.last().map(|m| m.status.clone()) else {
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
        // The save merged in other readers' changes: show their bookmarks.
        let before = session.app.view_key();
        sync_bookmarks(session);
        report(session) || session.app.view_key() != before
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::app::input::Edit;
    use crate::app::{Action, Settings};
    use crate::edition::{Article, ArticleId, Edition, Headline, Page};

    #[test]
    fn a_position_held_back_while_an_unknown_edition_loads_does_not_spin_the_loop() {
        let overdue = Some(Duration::ZERO);
        // Unknown edition loading: the position is not saved, so its
        // overdue save must not make the loop poll with a zero timeout.
        assert_eq!(
            next_wait(overdue, false, Some(false)),
            Some(LOAD_CHECK_INTERVAL)
        );
        // Known edition loading, or none: an overdue save wakes at once.
        assert_eq!(next_wait(overdue, false, Some(true)), Some(Duration::ZERO));
        assert_eq!(next_wait(overdue, false, None), Some(Duration::ZERO));
    }

    #[test]
    fn the_loop_blocks_only_when_nothing_is_pending() {
        assert_eq!(next_wait(None, false, None), None);
        assert_eq!(next_wait(None, true, None), Some(SAVE_CHECK_INTERVAL));
        let later = Some(Duration::from_secs(2));
        assert_eq!(next_wait(later, false, None), later);
        assert_eq!(
            next_wait(later, true, Some(true)),
            Some(SAVE_CHECK_INTERVAL.min(LOAD_CHECK_INTERVAL))
        );
    }

    #[test]
    fn ambiguous_width_probe_prints_only_on_the_alternate_screen() {
        // The probe once printed `\r“` and cleared the line on the main
        // screen, wiping a prompt the cursor was still on. Now it enters the
        // alternate screen (CSI ? 1049 h) before printing, clears its row,
        // and leaves it (CSI ? 1049 l) last.
        let mut bytes = Vec::new();
        write_probe(&mut bytes).unwrap();
        let written = bytes.len();
        erase_probe(&mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(&text[..written], "\x1b[?1049h\r“");
        assert_eq!(&text[written..], "\r\x1b[2K\x1b[?1049l");
    }

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
            io: Io::default(),
            library: None,
            loading: None,
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

    fn stored_ids(store: &Store, fingerprint: &Fingerprint) -> Vec<String> {
        let mut ids: Vec<String> = store
            .edition(fingerprint)
            .map(|e| e.bookmarks.iter().map(|b| b.id.clone()).collect())
            .unwrap_or_default();
        ids.sort();
        ids
    }

    #[test]
    fn note_delete_and_undo_reach_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(dir.path());
        let effect = session.app.update(Action::ToggleBookmark);
        apply(&mut session, effect);
        let fingerprint = session.app.fingerprint().clone();
        let id = session.app.bookmarks()[0].id.clone();
        while session.app.focus() != crate::app::Pane::Bookmarks {
            let effect = session.app.update(Action::NextPane);
            apply(&mut session, effect);
        }
        session.app.update(Action::RenameBookmark);
        for c in "要点".chars() {
            session.app.edit(Edit::Insert(c));
        }
        let effect = session.app.edit(Edit::Submit);
        apply(&mut session, effect);
        let reopened = Store::open(dir.path()).0;
        let note = reopened.edition(&fingerprint).unwrap().bookmarks[0]
            .note
            .clone();
        assert_eq!(note.as_deref(), Some("要点"));

        let effect = session.app.update(Action::DeleteBookmark);
        apply(&mut session, effect);
        assert!(stored_ids(&Store::open(dir.path()).0, &fingerprint).is_empty());
        let effect = session.app.update(Action::UndoDelete);
        apply(&mut session, effect);
        assert_eq!(
            stored_ids(&Store::open(dir.path()).0, &fingerprint),
            std::slice::from_ref(&id)
        );
        assert_eq!(session.app.bookmarks()[0].id, id);
        assert_eq!(session.app.bookmarks()[0].note.as_deref(), Some("要点"));
        assert_eq!(session.app.message(), Some("bookmark restored"));

        let effect = session.app.update(Action::UndoDelete);
        apply(&mut session, effect);
        assert_eq!(
            session.app.message(),
            Some("no deleted bookmark to bring back")
        );
    }

    #[test]
    fn sidebar_focus_picks_up_bookmarks_another_reader_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(dir.path());
        let fingerprint = session.app.fingerprint().clone();
        let article = session.app.edition().article(1).unwrap().clone();
        let (mut other, _) = Store::open(dir.path());
        let theirs = crate::store::Bookmark::at(&article, crate::edition::Anchor::default());
        other
            .add_bookmark(&fingerprint, None, theirs.clone())
            .unwrap();
        assert!(session.app.bookmarks().is_empty());
        while session.app.focus() != crate::app::Pane::Bookmarks {
            let effect = session.app.update(Action::NextPane);
            apply(&mut session, effect);
        }
        assert_eq!(session.app.bookmarks().len(), 1);
        assert_eq!(session.app.bookmarks()[0].id, theirs.id);
    }

    #[test]
    fn a_position_save_brings_in_other_readers_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(dir.path());
        let fingerprint = session.app.fingerprint().clone();
        let article = session.app.edition().article(0).unwrap().clone();
        let (mut other, _) = Store::open(dir.path());
        let theirs = crate::store::Bookmark::at(&article, crate::edition::Anchor::default());
        other
            .add_bookmark(&fingerprint, None, theirs.clone())
            .unwrap();
        let mut saver = PositionSaver::new(None);
        assert!(saver.save_if_due(&mut session, true), "redraw wanted");
        assert_eq!(session.app.bookmarks().len(), 1);
    }

    /// A session on a two-page edition (the sample, then the sample with
    /// 市 turned into 县) the store does not know, still loading; and the
    /// number of articles of its first page.
    fn loading_session(dir: &std::path::Path) -> (Session, usize) {
        let sample = include_str!("../assets/edition.txt");
        let text = format!("{sample}\x0c{}", sample.replace('市', "县"));
        let path = dir.join("two-pages.txt");
        std::fs::write(&path, text).unwrap();
        let (mut store, _) = Store::open(&dir.join("data"));
        let options = ReaderOptions {
            settings: Settings::default(),
            encoding: None,
            resume: true,
            help: Vec::new(),
        };
        let opened = open::open(&path, &options, &mut store).unwrap();
        let first_page = opened.app.edition().article_count();
        let mut session = Session {
            loading: opened.loading,
            path: Some(opened.source),
            ..session(dir)
        };
        session.app = opened.app;
        session.store = store;
        session.app.resize(120, 40);
        assert!(session.loading.as_ref().is_some_and(|l| !l.known));
        (session, first_page)
    }

    #[test]
    fn bookmark_while_an_unknown_edition_loads_waits_for_the_whole_edition() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, first_page) = loading_session(dir.path());

        let effect = session.app.update(Action::ToggleBookmark);
        apply(&mut session, effect);

        assert!(session.loading.is_none(), "the whole edition is in");
        let whole = session.app.edition().article_count();
        assert_eq!(whole, 2 * first_page);
        let state = session.store.edition(session.app.fingerprint()).unwrap();
        assert_eq!(state.titles.len(), whole, "the whole edition's titles");
        assert_eq!(state.bookmarks.len(), 1);
        assert_eq!(session.app.bookmarks().len(), 1);
    }

    #[test]
    fn read_marks_of_an_unknown_edition_wait_for_it_and_are_saved_on_leaving() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, first_page) = loading_session(dir.path());
        let mut saver = PositionSaver::new(session.app.position());
        session.app.update(Action::NextArticle);
        let read = session.app.current_article().unwrap().id.clone();
        assert!(!save_reading(&mut session, &mut saver, false));
        assert!(
            session.store.edition(session.app.fingerprint()).is_none(),
            "held back while loading"
        );

        leave_reading(&mut session, &mut saver);

        assert!(session.loading.is_none());
        let state = session.store.edition(session.app.fingerprint()).unwrap();
        assert_eq!(state.titles.len(), 2 * first_page);
        assert!(state.is_read(&read));
        assert_eq!(state.position.as_ref().unwrap().article, read);
    }

    #[test]
    fn leaving_an_unknown_edition_untouched_does_not_wait_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, _) = loading_session(dir.path());
        let mut saver = PositionSaver::new(session.app.position());
        leave_reading(&mut session, &mut saver);
        assert!(session.loading.is_some(), "not waited for");
        assert!(session.store.edition(session.app.fingerprint()).is_none());
    }

    #[test]
    fn unusable_data_dir_keeps_bookmarks_in_memory_and_says_so_on_every_change() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("data");
        std::fs::write(&blocked, "a file where the data directory should be").unwrap();
        let mut session = session(&blocked);
        let effect = session.app.update(Action::ToggleBookmark);
        apply(&mut session, effect);
        assert_eq!(session.app.bookmarks().len(), 1, "kept in memory");
        assert!(session.app.message().unwrap().contains("NOT SAVED"));
        session.app.update(Action::NextArticle);
        let effect = session.app.update(Action::ToggleBookmark);
        apply(&mut session, effect);
        assert_eq!(session.app.bookmarks().len(), 2);
        assert!(session.app.message().unwrap().contains("NOT SAVED"));
        assert_eq!(session.messages.len(), 2, "{:?}", session.messages);
        assert!(session.store.has_unsaved());
    }
}
