//! Odd inputs, as `less` handles them: UTF-16 without a byte-order mark is
//! read as text, binary data is refused from its first bytes (a pipe that
//! never ends is not waited for), devices are refused unread, and a FIFO
//! with a writer is still read. A PDF, in a build without the `pdf`
//! feature, is refused in one line that says how to build with it.

#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::time::{Duration, Instant};

use assert_cmd::Command;

#[path = "support/command.rs"]
mod command;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

fn newsreader(dir: &std::path::Path) -> Command {
    command::newsreader(&dir.join("home"), &dir.join("data"))
}

fn dump_of(dir: &std::path::Path, path: &std::path::Path) -> String {
    let out = newsreader(dir)
        .args(["--dump", "text"])
        .arg(path)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn utf16_without_a_byte_order_mark_reads_as_the_same_edition() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let expected = dump_of(dir.path(), std::path::Path::new(SAMPLE));
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(dump_of(dir.path(), &path), expected, "{name}");
    }
}

#[test]
fn devices_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    newsreader(dir.path())
        .arg("/dev/zero")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr("newsreader: /dev/zero: not a file\n");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "read before refused"
    );
    newsreader(dir.path())
        .args(["--dump", "text", "/dev/null"])
        .assert()
        .code(1)
        .stderr("newsreader: /dev/null: not a file\n");
}

/// A FIFO in `dir`, and a thread that opens it for writing, writes `bytes`
/// and keeps it open for `hold` (a writer still at work).
fn fifo_with_writer(
    dir: &std::path::Path,
    bytes: Vec<u8>,
    hold: Duration,
) -> (std::path::PathBuf, std::thread::JoinHandle<()>) {
    let path = dir.join("pipe");
    nix::unistd::mkfifo(&path, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let writing = path.clone();
    let writer = std::thread::spawn(move || {
        let mut fifo = std::fs::OpenOptions::new()
            .write(true)
            .open(&writing)
            .unwrap();
        // The reader may have gone (it refused the data): fine.
        let _ = fifo.write_all(&bytes);
        let deadline = Instant::now() + hold;
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    (path, writer)
}

#[test]
fn binary_data_is_refused_from_its_first_bytes_without_reading_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut binary = vec![0u8; 8 * 1024];
    binary[100] = 7;
    let (path, writer) = fifo_with_writer(dir.path(), binary, Duration::from_secs(8));
    let started = Instant::now();
    newsreader(dir.path())
        .args(["--dump", "text"])
        .arg(&path)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("binary file"));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "waited for the writer to finish"
    );
    // The writer holds the pipe open a while longer; not waited for.
    drop(writer);
}

#[test]
fn a_fifo_with_a_writer_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(SAMPLE).unwrap();
    let expected = dump_of(dir.path(), std::path::Path::new(SAMPLE));
    let (path, writer) = fifo_with_writer(dir.path(), text, Duration::ZERO);
    assert_eq!(dump_of(dir.path(), &path), expected);
    writer.join().unwrap();
}

#[cfg(not(feature = "pdf"))]
#[test]
fn a_pdf_without_the_pdf_feature_is_one_line_saying_how_to_build() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.pdf"), b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n").unwrap();
    let expected = "newsreader: x.pdf: a PDF edition (this build has no PDF support: build with --features pdf)\n";
    for args in [&["x.pdf"][..], &["--dump", "text", "x.pdf"][..]] {
        let out = newsreader(dir.path())
            .current_dir(dir.path())
            .args(args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{args:?}");
    }
}
