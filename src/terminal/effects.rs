//! The one runner of the [`Effect`]s that [`App::update`](crate::app::App::update)
//! returns: store changes (saved at once, on disk before the screen shows
//! them), the clipboard sequence written to the terminal (never from the
//! renderer), and leaving or switching editions.

use super::events::{Flow, FrameTerminal};
use super::reading::{self, PositionSaver, report, sync_bookmarks};
use super::{Session, shelf};
use crate::app::Effect;
use crate::edition::Fingerprint;
use crate::store::order::Order;
use crate::store::prefs;

/// Carries out `effect`, if any.
pub(super) fn run(
    terminal: &mut FrameTerminal,
    session: &mut Session,
    saver: &mut PositionSaver,
    effect: Option<Effect>,
) -> Flow {
    let Some(effect) = effect else {
        return Flow::Continue;
    };
    match effect {
        Effect::Quit => return shelf::leave_edition(session, saver),
        // The loop saves the read marks and the position on its way out.
        Effect::Exit => return Flow::Quit,
        Effect::Copy(text) => {
            let sequence = crate::clipboard::osc52_for(&text, session.io.tmux.as_deref());
            if terminal.write_raw(sequence.as_bytes()).is_err() {
                session
                    .app
                    .notify("could not write to the terminal's clipboard");
            }
        }
        Effect::SwitchEdition(forward) => shelf::switch_edition(terminal, session, saver, forward),
        Effect::OpenEdition(index) => shelf::open_entry(terminal, session, saver, index),
        store_change => apply(session, store_change),
    }
    Flow::Continue
}

/// Carries out a store effect, reporting failures in the status bar. After
/// a change the app takes in the store's list, which a save merged with
/// other readers' changes.
pub(super) fn apply(session: &mut Session, effect: Effect) {
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
        reading::finish_loading(session);
        if session.loading.as_ref().is_some_and(|l| !l.identified()) {
            // The whole edition could not be had, nor its fingerprint: the
            // loop ends the reader with why; nothing is saved under a key
            // that is not the edition's.
            return;
        }
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
        // Not store changes: see `run`.
        Effect::KeepBookmarkOrder(order) => {
            keep_order(session, order);
            return;
        }
        Effect::Quit
        | Effect::Exit
        | Effect::Copy(_)
        | Effect::SwitchEdition(_)
        | Effect::OpenEdition(_) => return,
    }
    // A bookmark change is on disk before the screen shows it (issue 5: a
    // kill -9 right after `b` keeps the bookmark); it waits for the saver
    // thread, which also writes any position or read mark still pending.
    session.store.flush_and_wait();
    sync_bookmarks(session);
    report(session);
}

/// Keeps the sidebar's `order` in the data directory's preferences, for
/// the next start.
fn keep_order(session: &mut Session, order: Order) {
    let prefs = prefs::Prefs {
        sidebar_order: order,
    };
    if prefs::save(session.store.dir(), &prefs).is_err() {
        session
            .app
            .notify("could not keep the sidebar order for next time");
    }
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
