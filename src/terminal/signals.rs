//! Signals, turned into wake-ups of the event loop: a termination signal
//! (`SIGTERM`, `SIGHUP`, `SIGINT`, `SIGQUIT`) stops the reader as `q` does,
//! and `SIGTSTP` (`kill -TSTP`; in raw mode `Ctrl-Z` is a key) suspends it.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use super::events::Wake;
use super::lifecycle;

/// How long the reader has to stop on its own after SIGTERM, SIGHUP,
/// SIGINT or SIGQUIT before the signal thread gives the terminal back and
/// exits itself.
pub const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// The thread that turns signals into wake-ups of the event loop.
pub(super) struct Signals {
    /// The termination signal received (0: none).
    stop: Arc<AtomicI32>,
    /// Set once the reader has stopped and given the terminal back.
    done: Arc<AtomicBool>,
    handle: signal_hook::iterator::Handle,
}

impl Signals {
    /// Listens for the signals, sending the event loop [`Wake::Stop`] or
    /// [`Wake::Suspend`] through `wake`. After a termination signal, if the
    /// reader has not stopped ([`Signals::finish`]) within
    /// [`SIGNAL_GRACE`], the thread gives the terminal back itself and exits
    /// with status 128 + the signal. `None` if the handlers could not be
    /// installed (the signals then act as they would without us).
    pub(super) fn listen(mouse: bool, wake: mpsc::Sender<Wake>) -> Option<Signals> {
        let mut iterator =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])
                .ok()?;
        let stop = Arc::new(AtomicI32::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let handle = iterator.handle();
        let (thread_stop, thread_done) = (Arc::clone(&stop), Arc::clone(&done));
        std::thread::Builder::new()
            .name("newsreader-signals".to_owned())
            .spawn(move || {
                for signal in iterator.forever() {
                    if signal == SIGTSTP {
                        let _ = wake.send(Wake::Suspend);
                        continue;
                    }
                    thread_stop.store(signal, Ordering::SeqCst);
                    let _ = wake.send(Wake::Stop);
                    give_up_after_grace(mouse, signal, &thread_done);
                    return;
                }
            })
            .ok()?;
        Some(Signals { stop, done, handle })
    }

    /// Stops listening; the termination signal that stopped the reader, if
    /// one did.
    pub(super) fn finish(self) -> Option<i32> {
        self.done.store(true, Ordering::SeqCst);
        self.handle.close();
        let signal = self.stop.load(Ordering::SeqCst);
        (signal != 0).then_some(signal)
    }
}

/// Waits [`SIGNAL_GRACE`] for the reader to stop on its own (`done`); if
/// it has not, gives the terminal back and exits with 128 + `signal`.
fn give_up_after_grace(mouse: bool, signal: i32, done: &AtomicBool) {
    let deadline = Instant::now() + SIGNAL_GRACE;
    while Instant::now() < deadline {
        if done.load(Ordering::SeqCst) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // Holding stdout until the process ends: no frame after this.
    let _out = std::io::stdout().lock();
    lifecycle::leave(mouse);
    std::process::exit(128 + signal);
}
