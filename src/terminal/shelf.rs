//! The library side of the event loop: leaving an edition for the list of
//! editions, and opening another edition (parsed only then) in the reader's
//! place, the library handed from the old app to the new one.

use super::Session;
use super::events::{Flow, FrameTerminal};
use super::reading::{self, PositionSaver};
use crate::store::Notice;

/// `q` in the reader: quits, or in a library saves the position and goes
/// back to the list of editions.
pub(super) fn leave_edition(session: &mut Session, saver: &mut PositionSaver) -> Flow {
    if session.app.shelf().is_none() {
        return Flow::Quit;
    }
    reading::leave_reading(session, saver);
    if let Some(shelf) = session.app.shelf_mut() {
        shelf.count_unread(&session.store);
    }
    session.app.show_library();
    Flow::Continue
}

/// `{` / `}`: opens the previous or next edition of the library.
pub(super) fn switch_edition(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    forward: bool,
) {
    let Some(shelf) = session.app.shelf() else {
        session
            .app
            .notify("one edition open: give several files or a directory for a library");
        return;
    };
    match shelf.neighbour(forward) {
        Some(index) => open_entry(terminal, session, saver, index),
        None if forward => session.app.notify("this is the last edition"),
        None => session.app.notify("this is the first edition"),
    }
}

/// Parses and opens library entry `index`, saving the open edition's
/// position first. A file that cannot be opened leaves the library screen
/// up with the error in its status bar.
pub(super) fn open_entry(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    index: usize,
) {
    reading::leave_reading(session, saver);
    let (Some(library), Some(shelf)) = (&session.library, session.app.shelf()) else {
        return;
    };
    let Some(entry) = shelf.library().entries.get(index) else {
        return;
    };
    let count = shelf.library().len();
    match crate::cli::open::open(&entry.path.clone(), &library.options, &mut session.store) {
        Ok(opened) => {
            let mut shelf = session.app.take_shelf();
            if let Some(shelf) = &mut shelf {
                shelf.set_open(index);
            }
            session.app = opened.app;
            session.app.set_shelf(shelf);
            let size = terminal.size();
            session.app.resize(size.width, size.height);
            session.app.set_edition_place(index, count);
            session.path = Some(opened.source);
            session.messages.extend(opened.warnings);
            session.loading = opened.loading;
            *saver = PositionSaver::new(session.app.position());
        }
        Err(err) => {
            let message = format!("{err:#}");
            session.messages.push(Notice::plain(message.clone()));
            if let Some(shelf) = session.app.shelf_mut() {
                shelf.message = Some(message);
            }
            session.app.show_library();
        }
    }
}
