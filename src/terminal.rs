//! The terminal side of the reader, the only module that touches the
//! terminal or the store for it. Its rooms:
//!
//! - [`lifecycle`]: the ambiguous-width probe, taking the terminal over and
//!   giving it back (on quit, a panic, a signal), suspending on `Ctrl-Z`;
//! - `signals`: termination signals and `SIGTSTP` as wake-ups of the loop;
//! - `events`: the event loop, which waits on one channel fed by the input
//!   thread, the signal thread, the store's saver thread and the parse
//!   worker, routes each key once ([`crate::keymap::Keymap::input`]) and
//!   draws through [`screen::Screen`] (only the cells that changed, one write
//!   per frame, nothing for an unchanged frame);
//! - `effects`: the one runner of the [`crate::app::Effect`]s the app
//!   returns (store changes, the OSC 52 clipboard, leaving an edition);
//! - `reading`: the position-save policy, read marks, and swapping in the
//!   whole edition once parsed;
//! - `shelf`: the library screen's actions and opening another edition.
//!
//! Store changes are saved off the loop: the store runs a saver thread, the
//! loop hands it the state once per event, after the frame
//! ([`Store::flush`]), and joins it on quit before the terminal is restored
//! ([`Store::finish`]).

use std::ffi::OsString;
use std::sync::mpsc;

use anyhow::Context as _;

use crate::app::App;
use crate::cli::open::{Loading, ReaderOptions};
use crate::keymap::Keymap;
use crate::store::{Notice, Store};

mod effects;
mod events;
pub mod lifecycle;
mod reading;
pub mod screen;
mod shelf;
mod signals;

pub use lifecycle::{PROBE_TIMEOUT, probe_ambiguous_width};
pub use reading::POSITION_SAVE_INTERVAL;
pub use signals::SIGNAL_GRACE;

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
    /// How to open the library's editions, when several were given (the
    /// library itself is the app's, see [`App::shelf`]); `None` for one
    /// file.
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

/// How the editions of a library are opened.
#[derive(Debug)]
pub struct LibraryMode {
    /// What every opened edition shares.
    pub options: ReaderOptions,
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
    let setup = lifecycle::enter(mouse).and_then(|()| events::FrameTerminal::new(mouse));
    let mut terminal = match setup {
        Ok(terminal) => terminal,
        Err(err) => {
            lifecycle::leave(mouse);
            return Err(err).context("cannot set up the terminal");
        }
    };
    lifecycle::restore_on_panic(mouse);
    let (waker, wakes) = mpsc::channel();
    let signals = signals::Signals::listen(mouse, waker.clone());
    let saved = waker.clone();
    session.store.save_in_background_waking(move || {
        let _ = saved.send(events::Wake::Saved);
    });
    let result = events::read_input(waker.clone())
        .map_err(anyhow::Error::from)
        .and_then(|()| events::run_loop(&mut terminal, session, &wakes, &waker));
    // Everything reaches the disk before the terminal is given back.
    session.store.finish();
    lifecycle::leave(mouse);
    let signal = signals.and_then(signals::Signals::finish);
    result.map(|()| signal)
}

#[cfg(test)]
mod tests;
