//! Real processes on one data directory: a writer killed with SIGKILL at
//! random moments never leaves a torn file nor loses a saved bookmark, and
//! several writers adding bookmarks at once lose none of each other's.
//!
//! The children are this test executable itself, re-run with `--exact
//! <child test> --ignored` and an environment variable saying what to do; the
//! child tests return at once without it.
//!
//! Sizes: `cargo test` runs 12 kills and 2 readers, which CI can afford;
//! `NEWSREADER_STORE_KILLS` and `NEWSREADER_STORE_READERS` set them
//! (`scripts/store_stress.sh` runs 300 kills and 4 readers).

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use newsreader::edition::{Anchor, ArticleId};
use newsreader::store::{FILE_NAME, Position, Store};
use support::{fp, names, plain_bookmark};

const ROLE: &str = "NEWSREADER_STORE_TEST_ROLE";
const DIR: &str = "NEWSREADER_STORE_TEST_DIR";

/// How many times the saving child is killed (`NEWSREADER_STORE_KILLS`).
fn kills() -> usize {
    size("NEWSREADER_STORE_KILLS", 12)
}

/// How many readers add bookmarks at once (`NEWSREADER_STORE_READERS`,
/// at most 26: each is named by a letter).
fn readers() -> usize {
    size("NEWSREADER_STORE_READERS", 2).min(26)
}

/// The number in the environment variable `name`, else `default`.
fn size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

fn spawn_child(test: &str, role: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE, role)
        .env(DIR, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The role and data dir given to a child, or `None` in a normal test run.
fn child_role() -> Option<(String, String)> {
    Some((std::env::var(ROLE).ok()?, std::env::var(DIR).ok()?))
}

#[test]
#[ignore = "child process of saves_killed_at_random_moments_always_leave_a_loadable_file"]
fn child_saves_in_a_loop() {
    let Some((role, dir)) = child_role() else {
        return;
    };
    assert_eq!(role, "crash");
    let (mut store, _) = Store::open(Path::new(&dir));
    let paper = fp("crash");
    // Runs until killed; the bound only keeps a stray child from running forever.
    for n in 0..100_000u64 {
        let id = format!("{}-{n}", std::process::id());
        store
            .add_bookmark(&paper, Some("/p/x.txt"), plain_bookmark(&id, n))
            .unwrap();
        store.set_note(&paper, &id, Some("笔记")).unwrap();
        let position = Position {
            article: ArticleId("00000000000000aa".into()),
            anchor: Anchor {
                paragraph: 0,
                offset: usize::try_from(n).unwrap(),
            },
        };
        store.set_position(&paper, None, position).unwrap();
    }
}

/// Waits (up to a minute) until `path` exists.
fn wait_for(path: &Path) {
    for _ in 0..6000 {
        if path.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{} never appeared", path.display());
}

/// A small xorshift generator: enough to spread kill moments, seeded from
/// the clock so each run tries other moments.
struct Jitter(u64);

impl Jitter {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[test]
fn saves_killed_at_random_moments_always_leave_a_loadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let mut jitter = Jitter(u64::from(seed) | 1);
    let mut saved_before = 0;
    let kills = kills();
    for round in 0..kills {
        let mut child = spawn_child("child_saves_in_a_loop", "crash", dir.path());
        if round == 0 {
            // On a slow machine the first child may take a while to start:
            // wait for its first save so that every round has a file to check.
            wait_for(&dir.path().join(FILE_NAME));
        }
        std::thread::sleep(Duration::from_millis(30 + jitter.next_below(150)));
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();

        let (store, warnings) = Store::open(dir.path());
        assert!(
            warnings.is_empty(),
            "round {round} (seed {seed}): {warnings:?}"
        );
        let saved = store.edition(&fp("crash")).map_or(0, |e| e.bookmarks.len());
        assert!(
            saved >= saved_before,
            "round {round} (seed {seed}): {saved} bookmarks after {saved_before}"
        );
        eprintln!("round {round}: {saved} bookmarks saved so far");
        saved_before = saved;
        let corrupt = names(dir.path())
            .into_iter()
            .filter(|n| n.contains("corrupt"))
            .count();
        assert_eq!(corrupt, 0, "round {round} (seed {seed})");
    }
    assert!(saved_before > 0, "the children never got to save");
    eprintln!("{kills} kills (seed {seed}): {saved_before} bookmarks, none lost, no torn file");
}

#[test]
#[ignore = "child process of readers_adding_50_bookmarks_each_at_once_keep_them_all"]
fn child_adds_fifty_bookmarks() {
    let Some((role, dir)) = child_role() else {
        return;
    };
    let (mut store, warnings) = Store::open(Path::new(&dir));
    assert!(warnings.is_empty(), "{warnings:?}");
    for n in 0..50 {
        let bookmark = plain_bookmark(&format!("{role}-{n:02}"), n);
        store.add_bookmark(&fp("shared"), None, bookmark).unwrap();
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn readers_adding_50_bookmarks_each_at_once_keep_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let roles: Vec<String> = (b'A'..=b'Z')
        .take(readers())
        .map(|c| char::from(c).to_string())
        .collect();
    let children: Vec<Child> = roles
        .iter()
        .map(|role| spawn_child("child_adds_fifty_bookmarks", role, dir.path()))
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (store, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty());
    let mut expected: Vec<String> = roles
        .iter()
        .flat_map(|role| (0..50).map(move |n| format!("{role}-{n:02}")))
        .collect();
    expected.sort();
    assert_eq!(support::ids(&store, &fp("shared")), expected);
    eprintln!(
        "{} readers at once: all {} bookmarks kept",
        roles.len(),
        expected.len()
    );
}
