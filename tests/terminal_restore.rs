//! The real binary in a pseudo-terminal: however the reader ends — `q`, a
//! termination signal — the terminal is given back as it was (cursor
//! shown, main screen, cooked mode), and a signal stops it as `q` would,
//! saving the reading position first.

#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, tcgetattr};
use nix::unistd::Pid;
use pty::{HIDE, contains};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");
const SHOW: &[u8] = b"\x1b[?25h";
const LEAVE_ALTERNATE: &[u8] = b"\x1b[?1049l";

/// The reader running in a 100×30 pseudo-terminal, with what it wrote.
type Reader = pty::Pty;

/// The reader on the sample edition, with `data` as its home and data
/// directory.
fn start(data: &Path) -> Reader {
    start_on(data, &[Path::new(SAMPLE)])
}

/// The reader on `files` (several: a library).
fn start_on(data: &Path, files: &[&Path]) -> Reader {
    start_in(data, data, files)
}

/// [`start_on`] with `data` as the data directory and `home` as the home
/// (the config is looked for there).
fn start_in(data: &Path, home: &Path, files: &[&Path]) -> Reader {
    let launch = pty::Launch {
        data,
        home,
        cols: 100,
    };
    Reader::launch(&launch, files)
}

fn last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The terminal as it was: the cursor shown after the last time a frame
/// hid it, the main screen, and cooked mode (canonical input, echo).
#[track_caller]
fn assert_given_back(output: &[u8], master: &std::fs::File) {
    let hidden = last(output, HIDE).expect("frames were drawn");
    let shown = last(output, SHOW).expect("the cursor is shown again");
    assert!(shown > hidden, "the cursor is hidden at the end");
    let left = last(output, LEAVE_ALTERNATE).expect("the main screen is back");
    assert!(left > hidden);
    let modes = tcgetattr(master).unwrap();
    assert!(
        modes
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "cooked mode: {:?}",
        modes.local_flags
    );
}

/// The saved reading position's anchor in the state file, as JSON.
fn saved_anchor(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("bookmarks.json")).unwrap();
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    let editions = state["editions"].as_object().unwrap();
    assert_eq!(editions.len(), 1);
    editions.values().next().unwrap()["position"]["anchor"].clone()
}

#[test]
fn quitting_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut reader = start(dir.path());
    reader.wait_for(b"? help", 0);
    reader.wait_for(HIDE, 0);
    reader.master.write_all(b"q").unwrap();
    let (status, output, master) = reader.end();
    assert!(status.success(), "{status:?}");
    assert_given_back(&output, &master);
}

#[test]
fn sigterm_saves_the_position_and_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut reader = start(dir.path());
    reader.wait_for(b"? help", 0);
    reader.wait_for(HIDE, 0);
    // Open the first article and page into it: a position within an
    // article is saved only every few seconds, or on the way out.
    reader.press(b"\r");
    reader.press(b" ");
    let pid = Pid::from_raw(i32::try_from(reader.child.id()).unwrap());
    kill(pid, Signal::SIGTERM).unwrap();
    let (status, output, master) = reader.end();
    assert_eq!(status.code(), Some(128 + 15), "{status:?}");
    assert_given_back(&output, &master);
    let anchor = saved_anchor(dir.path());
    assert!(
        anchor["paragraph"].as_u64().unwrap() > 0 || anchor["offset"].as_u64().unwrap() > 0,
        "the scrolled position is saved: {anchor}"
    );
}

#[test]
fn sighup_gives_the_terminal_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut reader = start(dir.path());
    reader.wait_for(b"? help", 0);
    reader.wait_for(HIDE, 0);
    let pid = Pid::from_raw(i32::try_from(reader.child.id()).unwrap());
    kill(pid, Signal::SIGHUP).unwrap();
    let (status, output, master) = reader.end();
    assert_eq!(status.code(), Some(128 + 1), "{status:?}");
    assert_given_back(&output, &master);
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_sigcont_takes_it_again_redrawn() {
    use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
    let dir = tempfile::tempdir().unwrap();
    let mut reader = start(dir.path());
    reader.wait_for(b"? help", 0);
    reader.wait_for(HIDE, 0);
    let pid = Pid::from_raw(i32::try_from(reader.child.id()).unwrap());
    let from = reader.seen.len();
    reader.master.write_all(b"\x1a").unwrap();
    // Stopped, as a shell job is on Ctrl-Z, with the terminal given back.
    let status = waitpid(pid, Some(WaitPidFlag::WUNTRACED)).unwrap();
    assert!(matches!(status, WaitStatus::Stopped(..)), "{status:?}");
    reader.wait_for(LEAVE_ALTERNATE, from);
    reader.wait_for(SHOW, from);
    let modes = tcgetattr(&reader.master).unwrap();
    assert!(
        modes
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "cooked mode while suspended: {:?}",
        modes.local_flags
    );
    let from = reader.seen.len();
    kill(pid, Signal::SIGCONT).unwrap();
    // Back on the alternate screen, cleared and drawn in full.
    reader.wait_for(b"\x1b[?1049h", from);
    reader.wait_for(b"\x1b[2J", from);
    reader.wait_for(b"? help", from);
    let modes = tcgetattr(&reader.master).unwrap();
    assert!(!modes.local_flags.contains(LocalFlags::ICANON), "raw again");
    reader.master.write_all(b"q").unwrap();
    let (status, output, master) = reader.end();
    assert!(status.success(), "{status:?}");
    assert_given_back(&output, &master);
}

#[test]
fn a_library_opens_an_edition_and_q_goes_back_to_it_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    let sample = std::fs::read(SAMPLE).unwrap();
    let (a, b) = (papers.join("a.txt"), papers.join("b.txt"));
    std::fs::write(&a, &sample).unwrap();
    std::fs::write(&b, &sample).unwrap();
    let mut reader = start_on(&dir.path().join("data"), &[&a, &b]);
    reader.wait_for(b"Library: 2 editions", 0);
    reader.wait_for(HIDE, 0);
    // What the terminal shows, as an emulator fed every byte draws it.
    let screen = |reader: &Reader| {
        let rows = std::num::NonZero::new(30).unwrap();
        let mut parser = vt100::Parser::new(rows, std::num::NonZero::new(100).unwrap(), 0);
        parser.process(&reader.seen);
        parser.screen().contents()
    };
    reader.press(b"\r");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !screen(&reader).contains("edition 1/2") {
        assert!(Instant::now() < deadline, "{}", screen(&reader));
        reader.pump(Duration::from_millis(200));
    }
    reader.press(b"q");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !screen(&reader).contains("Library: 2 editions") {
        assert!(Instant::now() < deadline, "{}", screen(&reader));
        reader.pump(Duration::from_millis(200));
    }
    reader.master.write_all(b"q").unwrap();
    let (status, output, master) = reader.end();
    assert!(status.success(), "{status:?}");
    assert_given_back(&output, &master);
}

#[test]
fn quitting_with_unsaved_bookmarks_says_so_and_exits_1() {
    // The data directory cannot be made: its parent is a regular file.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a file, not a directory").unwrap();
    let mut reader = start_in(
        &blocker.join("newsreader"),
        dir.path(),
        &[Path::new(SAMPLE)],
    );
    reader.wait_for(b"? help", 0);
    reader.wait_for(HIDE, 0);
    reader.press(b"\r");
    let from = reader.seen.len();
    reader.master.write_all(b"b").unwrap();
    reader.wait_for(b"NOT SAVED", from);
    // Every change is said NOT SAVED (the saver thread reports each failed
    // save, maybe after the next key), so the status bar may already say it
    // when the second `b` comes: wait for its bookmark in the sidebar
    // instead. That each change says so is tested without a terminal
    // (`terminal::tests`).
    reader.press(b"]");
    let from = reader.seen.len();
    reader.master.write_all(b"b").unwrap();
    reader.wait_for("市委外事工作委".as_bytes(), from);
    reader.master.write_all(b"q").unwrap();
    let (status, output, master) = reader.end();
    assert_eq!(status.code(), Some(1), "{status:?}");
    assert_given_back(&output, &master);
    let after = &output[last(&output, LEAVE_ALTERNATE).unwrap()..];
    assert!(
        contains(after, b"NOT SAVED and are lost"),
        "{}",
        String::from_utf8_lossy(after)
    );
}
