//! Editions read from a stream, as `less` reads one: standard input (`-`,
//! or no FILE with a pipe on stdin) and FIFOs such as `<(pdftotext paper.pdf
//! -)` gives. The screen starts at once saying `reading…`, keys come from
//! the terminal (`/dev/tty`), `q` quits while nothing has arrived, and the
//! edition appears when the writer is done. A stream that holds no edition
//! ends the reader with one line. `--dump` reads standard input too.

#![allow(clippy::unwrap_used)]

#[path = "support/command.rs"]
mod command;
#[path = "support/pty.rs"]
mod pty;

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

/// The status bar once the sample edition is in.
const SAMPLE_IN: &[u8] = b"article 1/";

fn launch(dir: &Path) -> pty::Launch<'_> {
    pty::Launch {
        data: dir,
        home: dir,
        cols: 100,
    }
}

fn fifo(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("pipe");
    nix::unistd::mkfifo(&path, nix::sys::stat::Mode::S_IRWXU).unwrap();
    path
}

#[test]
fn dump_reads_standard_input_given_as_dash_or_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let cmd = || command::newsreader(&dir.path().join("home"), &dir.path().join("data"));
    let from_file = cmd().args(["--dump", "json", SAMPLE]).output().unwrap();
    assert!(from_file.status.success());
    let text = std::fs::read(SAMPLE).unwrap();
    let mut from_file: serde_json::Value = serde_json::from_slice(&from_file.stdout).unwrap();
    // A stream has no path to record.
    from_file["source"] = serde_json::Value::Null;
    for args in [&["--dump", "json", "-"][..], &["--dump", "json"][..]] {
        let out = cmd().args(args).write_stdin(text.clone()).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let piped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(piped, from_file, "{args:?}");
    }
    cmd()
        .args(["--dump", "text", "-"])
        .write_stdin(vec![0u8; 4096])
        .assert()
        .code(1)
        .stderr("newsreader: standard input: binary file, not a text edition\n");
}

#[test]
fn a_fifo_with_no_writer_shows_reading_and_q_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    let mut reader = pty::Pty::launch(&launch(dir.path()), [&pipe]);
    reader.wait_for("reading…".as_bytes(), 0);
    reader.wait_for(pty::HIDE, 0);
    let asked = Instant::now();
    reader.send(b"q");
    let (status, _, _) = reader.end();
    assert!(status.success(), "{status:?}");
    // A hang guard, not a timing: without a writer the FIFO never opens.
    assert!(asked.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_fifo_edition_appears_when_its_writer_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    let mut reader = pty::Pty::launch(&launch(dir.path()), [&pipe]);
    reader.wait_for("reading…".as_bytes(), 0);
    let from = reader.seen.len();
    let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    writer.write_all(&std::fs::read(SAMPLE).unwrap()).unwrap();
    drop(writer);
    reader.wait_for(SAMPLE_IN, from);
    reader.press(b"b");
    reader.send(b"q");
    let (status, _, _) = reader.end();
    assert!(status.success(), "{status:?}");
    // Its bookmark is kept, with no pipe's name for a path.
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("bookmarks.json")).unwrap()).unwrap();
    let editions = state["editions"].as_object().unwrap();
    assert_eq!(editions.len(), 1, "{state}");
    let edition = editions.values().next().unwrap();
    assert_eq!(edition["bookmarks"].as_array().unwrap().len(), 1, "{state}");
    assert!(edition["path"].is_null(), "{state}");
}

#[test]
fn a_pipe_on_standard_input_is_read_and_keys_come_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(SAMPLE).unwrap();
    let mut reader = pty::Pty::launch_piped(&launch(dir.path()), ["-"], text);
    reader.wait_for(SAMPLE_IN, 0);
    let from = reader.seen.len();
    // The help overlay: drawn only if the key came through /dev/tty.
    reader.press(b"?");
    assert!(pty::contains(&reader.seen[from..], b"Keys"));
    reader.send(b"q");
    let (status, _, _) = reader.end();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_stream_with_no_edition_ends_the_reader_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut reader = pty::Pty::launch_piped(&launch(dir.path()), ["-"], vec![0u8; 4096]);
    let (status, output, _) = {
        reader.pump(Duration::from_millis(100));
        reader.end()
    };
    assert_eq!(status.code(), Some(1));
    assert!(
        pty::contains(
            &output,
            b"newsreader: standard input: binary file, not a text edition"
        ),
        "{}",
        String::from_utf8_lossy(&output)
    );
}

#[test]
fn a_device_on_standard_input_is_refused_unread_as_a_named_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = command::newsreader_without_input(&dir.path().join("home"), &dir.path().join("data"))
        .args(["--dump", "text", "-"])
        .stdin(std::process::Stdio::from(zero))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "newsreader: standard input: not a file\n"
    );
}
