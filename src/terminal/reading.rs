//! What the event loop saves while the reader reads, and when: the read
//! marks at once, the reading position at once when the article changed and
//! otherwise every [`POSITION_SAVE_INTERVAL`], everything on leaving an
//! edition; and the swap of a provisional edition for the whole one once
//! the parse worker has it. Saves go through the store's saver thread,
//! whose outcomes (other readers' bookmarks merged in, failures) are taken
//! in here.

use std::time::{Duration, Instant};

use super::Session;
use crate::app::App;
use crate::cli::open::{self, Progress};
use crate::edition::Fingerprint;
use crate::store::Position;

/// How often, at most, the reading position is saved while reading within
/// one article. A change of article is saved at once.
pub const POSITION_SAVE_INTERVAL: Duration = Duration::from_secs(3);

/// Decides when the reading position is written: at once when the article
/// changed, else at most every [`POSITION_SAVE_INTERVAL`], and on quit.
#[derive(Debug)]
pub(super) struct PositionSaver {
    saved: Option<Position>,
    last_save: Instant,
}

impl PositionSaver {
    pub(super) fn new(saved: Option<Position>) -> Self {
        PositionSaver {
            saved,
            last_save: Instant::now(),
        }
    }

    /// How long until an unsaved position is due; `None` when nothing is
    /// waiting (the loop may then block).
    pub(super) fn due_in(&self, app: &App) -> Option<Duration> {
        (app.position() != self.saved)
            .then(|| POSITION_SAVE_INTERVAL.saturating_sub(self.last_save.elapsed()))
    }

    /// Saves the position if it changed and is due (or `force`). Returns
    /// true when the store's save brought a change for the screen (a
    /// message, other readers' bookmarks).
    pub(super) fn save_if_due(&mut self, session: &mut Session, force: bool) -> bool {
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
        sync_bookmarks(session);
        report(session);
        true
    }
}

/// How long the loop may wait for a wake-up before it must save the
/// reading position; `None`: as long as it takes. A position held back
/// while an edition the store does not know loads (see [`save_reading`])
/// is not due: waking for it would spin until the load ends.
pub(super) fn next_wait(saver: &PositionSaver, session: &Session) -> Option<Duration> {
    if session.loading.as_ref().is_some_and(|l| !l.known) {
        return None;
    }
    saver.due_in(&session.app)
}

/// Saves the read marks and the reading position before the edition is
/// left (quit, or another edition opened), never waiting for a parse still
/// running: quitting cancels it (the worker's result is dropped with the
/// session, and the process does not wait for its thread), so `q` is as
/// quick on a 200 MB edition as on a short one. An edition the store does
/// not know yet held its read marks and position back while loading (see
/// [`save_reading`]): they are saved if the whole edition has arrived by
/// now, and otherwise dropped with it — they belong to the first seconds
/// of a visit, and saving them under a state the store has not matched
/// against older extractions could split the edition's state in two.
/// Bookmarks never wait here: one made while loading waited for the whole
/// edition when it was made ([`super::effects::apply`]).
pub(super) fn leave_reading(session: &mut Session, saver: &mut PositionSaver) {
    // A stream that held no edition has nothing to save either way.
    let _ = take_whole_edition(session);
    save_reading(session, saver, true);
}

/// Saves the read marks and (when due, or with `force`) the reading
/// position. Returns true when a store message was shown. While an edition
/// the store does not know yet is loading, nothing is saved: the store
/// learns of it only from the whole edition (whose titles may match an
/// older extraction's state), and the changes stay pending in the app.
pub(super) fn save_reading(session: &mut Session, saver: &mut PositionSaver, force: bool) -> bool {
    if session.loading.as_ref().is_some_and(|l| !l.known) {
        return false;
    }
    let marks_reported = save_read_marks(session);
    saver.save_if_due(session, force) || marks_reported
}

/// Waits for the whole edition and swaps it in (see [`open::complete`]).
/// When none comes and the app does not know the edition's fingerprint
/// (a stream, or a large file read from its head), the loading stays: it
/// reports why at the loop's next look ([`take_whole_edition`]), which ends
/// the reader, and nothing is saved meanwhile.
pub(super) fn finish_loading(session: &mut Session) {
    let Some(mut loading) = session.loading.take() else {
        return;
    };
    match loading.wait() {
        Some(whole) => {
            let notices = open::complete(&mut session.app, &mut session.store, &loading, whole);
            session.messages.extend(notices);
        }
        None if loading.identified() => session.app.stop_loading(),
        None => session.loading = Some(loading),
    }
}

/// Swaps in the whole edition if the worker has finished it (see
/// [`open::complete`]). True when the screen changed.
///
/// # Errors
/// The stream being read held no edition, or the rest of a large file
/// could not be read ([`Progress::Refused`]), or the worker that was to
/// bring the edition's fingerprint failed: the reader cannot go on (it has
/// nothing to show, or nothing it may save state under) and ends with that
/// line.
pub(super) fn take_whole_edition(session: &mut Session) -> anyhow::Result<bool> {
    let Some(loading) = &session.loading else {
        return Ok(false);
    };
    Ok(match loading.poll() {
        Progress::Waiting => false,
        Progress::Done(whole) => {
            let notices = open::complete(&mut session.app, &mut session.store, loading, *whole);
            session.messages.extend(notices);
            session.loading = None;
            true
        }
        Progress::Refused(line) => anyhow::bail!(line),
        Progress::Failed if !loading.identified() => {
            anyhow::bail!("{}: could not read the edition", loading.name())
        }
        Progress::Failed => {
            session.loading = None;
            session.app.stop_loading();
            session
                .app
                .notify("could not parse the whole edition; showing its first part");
            true
        }
    })
}

/// Takes in the saver thread's finished saves: other readers' bookmarks
/// they merged in, and failures for the status bar. True when a save had
/// finished.
pub(super) fn collect_saves(session: &mut Session) -> bool {
    if !session.store.collect() {
        return false;
    }
    sync_bookmarks(session);
    report(session);
    true
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

/// Hands the app this edition's bookmarks as the store has them.
pub(super) fn sync_bookmarks(session: &mut Session) {
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
pub(super) fn report(session: &mut Session) -> bool {
    let messages = session.store.take_messages();
    let Some(last) = messages.last().map(|m| m.status.clone()) else {
        return false;
    };
    session.messages.extend(messages);
    session.app.notify(last);
    true
}
