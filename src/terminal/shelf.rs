//! The library side of the event loop: actions and clicks on the library
//! screen, leaving an edition for the list of editions, and opening another
//! edition (parsed only then) in the reader's place.

use super::Session;
use super::events::{Flow, FrameTerminal};
use super::reading::{self, PositionSaver};
use crate::app::shelf::ShelfEffect;
use crate::app::{Action, MouseInput};
use crate::store::Notice;

/// An action on the library screen.
pub(super) fn on_action(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    action: Action,
) -> Flow {
    let Some(library) = &mut session.library else {
        return Flow::Continue;
    };
    library.message = None;
    let effect = library.shelf.update(action);
    on_effect(terminal, session, saver, effect)
}

/// The wheel or a click on the library screen.
pub(super) fn on_mouse(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    input: MouseInput,
) -> Flow {
    let Some(library) = &mut session.library else {
        return Flow::Continue;
    };
    let effect = library.shelf.mouse(input);
    on_effect(terminal, session, saver, effect)
}

/// Carries out what the library screen asked for.
fn on_effect(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    effect: Option<ShelfEffect>,
) -> Flow {
    match effect {
        Some(ShelfEffect::Quit) => Flow::Quit,
        Some(ShelfEffect::Open(index)) => {
            open_entry(terminal, session, saver, index);
            Flow::Continue
        }
        None => Flow::Continue,
    }
}

/// `q` in the reader: quits, or in a library saves the position and goes
/// back to the list of editions.
pub(super) fn leave_edition(session: &mut Session, saver: &mut PositionSaver) -> Flow {
    if session.library.is_none() {
        return Flow::Quit;
    }
    reading::leave_reading(session, saver);
    if let Some(library) = &mut session.library {
        library.shelf.count_unread(&session.store);
        library.shelf.showing = true;
    }
    Flow::Continue
}

/// `{` / `}`: opens the previous or next edition of the library.
pub(super) fn switch_edition(
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
    reading::leave_reading(session, saver);
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
