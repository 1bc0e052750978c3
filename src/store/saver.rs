//! Saving off the caller's thread: a saver thread that writes the latest
//! state it was sent, for an interactive reader whose event loop must not
//! wait for a file to reach the disk.
//!
//! The store hands the thread a snapshot of its whole state per request
//! ([`Saver::send`]). Before each save the thread takes the newest snapshot
//! waiting in its channel and drops the older ones (each snapshot is the
//! store's whole state at a later moment, so it holds every older change), so a burst of changes costs one
//! save. Each save is [`super::file::save`] as before: under the lock, merged
//! with the file on disk, written atomically and synced. The merged state and
//! the outcome go back on a second channel, which the store drains without
//! blocking ([`Saver::try_take`]) or, on quit, after closing the request
//! channel and joining the thread ([`Saver::finish`]).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::file::{self, SaveError};
use super::notice::Notice;
use super::state::StateFile;

/// What one save on the thread came to.
#[derive(Debug)]
pub(super) struct Outcome {
    /// The state as saved: the snapshot merged with the file on disk.
    pub(super) state: StateFile,
    /// Messages for the user, or why the save failed.
    pub(super) result: Result<Vec<Notice>, SaveError>,
    /// How many requests this save answered (coalesced snapshots included).
    pub(super) requests: usize,
}

/// The handle of a running saver thread.
#[derive(Debug)]
pub(super) struct Saver {
    requests: Option<Sender<StateFile>>,
    outcomes: Receiver<Outcome>,
    thread: Option<JoinHandle<()>>,
    pending: usize,
}

impl Saver {
    /// Starts a saver thread writing into `dir`, calling `wake` after each
    /// save's outcome is sent (so a caller waiting on a channel of its own
    /// learns that [`Saver::try_take`] has something).
    ///
    /// # Errors
    /// The thread could not be spawned (the store then saves in place).
    pub(super) fn start(dir: PathBuf, wake: Box<dyn Fn() + Send>) -> std::io::Result<Saver> {
        let (requests, inbox) = mpsc::channel::<StateFile>();
        let (outbox, outcomes) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("store-saver".to_owned())
            .spawn(move || run(&dir, &inbox, &outbox, &*wake))?;
        Ok(Saver {
            requests: Some(requests),
            outcomes,
            thread: Some(thread),
            pending: 0,
        })
    }

    /// Asks for `state` to be saved. False if the thread is gone (it
    /// panicked); the caller then saves in place.
    pub(super) fn send(&mut self, state: StateFile) -> bool {
        let sent = self
            .requests
            .as_ref()
            .is_some_and(|requests| requests.send(state).is_ok());
        if sent {
            self.pending += 1;
        }
        sent
    }

    /// True while a request has not been answered yet.
    pub(super) fn busy(&self) -> bool {
        self.pending > 0
    }

    /// The outcomes that arrived, without waiting.
    pub(super) fn try_take(&mut self) -> Vec<Outcome> {
        let outcomes: Vec<Outcome> = self.outcomes.try_iter().collect();
        self.count(&outcomes);
        outcomes
    }

    /// Waits until every request sent so far is answered and returns the
    /// outcomes not yet taken.
    pub(super) fn wait(&mut self) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        while self.pending > 0 {
            let Ok(outcome) = self.outcomes.recv() else {
                // The thread is gone: nothing more will come.
                self.pending = 0;
                break;
            };
            self.pending = self.pending.saturating_sub(outcome.requests);
            outcomes.push(outcome);
        }
        outcomes
    }

    /// Closes the request channel, waits for the thread to write what it was
    /// sent and returns every outcome not yet taken.
    pub(super) fn finish(&mut self) -> Vec<Outcome> {
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            // A panicked thread has saved what it could; its outcomes are
            // still in the channel.
            let _ = thread.join();
        }
        let outcomes: Vec<Outcome> = self.outcomes.try_iter().collect();
        self.count(&outcomes);
        self.pending = 0;
        outcomes
    }

    fn count(&mut self, outcomes: &[Outcome]) {
        let answered: usize = outcomes.iter().map(|o| o.requests).sum();
        self.pending = self.pending.saturating_sub(answered);
    }
}

/// The thread: save the newest snapshot waiting, until the store hangs up.
fn run(
    dir: &std::path::Path,
    inbox: &Receiver<StateFile>,
    outbox: &Sender<Outcome>,
    wake: &dyn Fn(),
) {
    while let Ok(mut state) = inbox.recv() {
        let mut requests = 1;
        for newer in inbox.try_iter() {
            state = newer;
            requests += 1;
        }
        let result = file::save(dir, &mut state);
        let outcome = Outcome {
            state,
            result,
            requests,
        };
        if outbox.send(outcome).is_err() {
            return;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::edition::{ArticleId, Fingerprint};
    use crate::store::Store;

    fn article(n: usize) -> ArticleId {
        ArticleId(format!("article-{n}"))
    }

    /// A store in a temp dir saving on its background thread, and the
    /// fingerprint the tests write under.
    fn background_store() -> (tempfile::TempDir, Fingerprint, Store) {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(dir.path());
        store.save_in_background();
        (dir, Fingerprint("e".to_owned()), store)
    }

    #[test]
    fn background_save_reaches_the_file_without_finish() {
        let (dir, edition, mut store) = background_store();
        store.mark_read(&edition, &article(1)).unwrap();
        // Nothing is written until the change is flushed to the thread.
        assert!(!dir.path().join(crate::store::FILE_NAME).exists());
        store.flush();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while store.saving() && std::time::Instant::now() < deadline {
            store.collect();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(!store.saving());
        let (other, _) = Store::open(dir.path());
        assert!(other.is_read(&edition, &article(1)));
        store.finish();
    }

    #[test]
    fn finish_writes_every_change_made_during_saves() {
        let (dir, edition, mut store) = background_store();
        for n in 0..50 {
            store.mark_read(&edition, &article(n)).unwrap();
            store.flush();
        }
        store.finish();
        assert!(!store.saving());
        let (other, _) = Store::open(dir.path());
        for n in 0..50 {
            assert!(other.is_read(&edition, &article(n)), "article {n}");
            assert!(
                store.is_read(&edition, &article(n)),
                "article {n} in memory"
            );
        }
    }

    #[test]
    fn flush_and_wait_returns_with_the_change_on_disk() {
        let (dir, edition, mut store) = background_store();
        store.mark_read(&edition, &article(3)).unwrap();
        store.flush_and_wait();
        assert!(!store.saving());
        let (other, _) = Store::open(dir.path());
        assert!(other.is_read(&edition, &article(3)));
        store.finish();
    }

    #[test]
    fn after_finish_changes_are_saved_in_place() {
        let (dir, edition, mut store) = background_store();
        store.finish();
        store.mark_read(&edition, &article(7)).unwrap();
        let (other, _) = Store::open(dir.path());
        assert!(other.is_read(&edition, &article(7)));
    }
}
