//! Nothing from a file reaches the terminal (or a text file) as a control
//! sequence: a hostile file name and a hostile `bookmarks.json` are fed
//! through every output — the library screen, the reader's status bar and
//! bookmark sidebar, `--bookmarks` (text and JSON), `--export-bookmarks`,
//! `--dump text` headers and error lines — and no ESC, BEL or C1 control
//! is written; they are shown (`^[`, `^G`, `�`) instead.

#![allow(clippy::unwrap_used)]

#[path = "support/command.rs"]
mod command;
#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};

use newsreader::edition::{LoadOptions, load};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

/// The issue's file name: sets the window title, clears the screen and
/// writes the clipboard when printed raw.
const HOSTILE_NAME: &str = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}name.txt";

/// A stored string with C0, DEL and C1 controls (U+009B is CSI, U+009D OSC).
const HOSTILE: &str = "x\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}2J\u{9d}0;C1\u{9c}\u{7f}\r\nend";

/// No ESC, BEL, other C0 control (but line feed and tab) or C1 control.
#[track_caller]
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in {text:?}");
}

/// Terminal output: the program's own escape sequences are fine, but no
/// BEL, no OSC, no C1 control, and none of the hostile sequences.
#[track_caller]
fn assert_no_hostile_sequence(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&7), "BEL written");
    for raw in ["\u{1b}]", "\u{1b}[2J\u{1b}]", "\u{9b}", "\u{9d}", "\u{9c}"] {
        assert!(!text.contains(raw), "{raw:?} written: {text:?}");
    }
}

/// A folder holding the sample under the hostile name.
fn hostile_file(dir: &Path) -> PathBuf {
    let papers = dir.join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let path = papers.join(HOSTILE_NAME);
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}

/// A `bookmarks.json` in `data` for the sample, every stored string
/// hostile: one bookmark in its first article, one whose article is gone.
fn hostile_state(data: &Path) {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let (edition, fingerprint) = load(&bytes, None, &LoadOptions::default());
    let first = edition.articles().next().unwrap().id.clone();
    let bookmark = |id: &str, article: &str| {
        serde_json::json!({
            "id": id, "article": article,
            "anchor": {"paragraph": 0, "offset": 0},
            "snippet": HOSTILE, "article_title": HOSTILE, "note": HOSTILE,
            "created": 1_700_000_000_u64 })
    };
    let state = serde_json::json!({
        "version": 2,
        "editions": { fingerprint.to_string(): {
            "path": format!("/papers/{HOSTILE_NAME}"),
            "title": HOSTILE,
            "position": null,
            "bookmarks": [bookmark("b1", &first.0), bookmark("b2", "00000000000000aa")] } }
    });
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(
        data.join("bookmarks.json"),
        serde_json::to_vec_pretty(&state).unwrap(),
    )
    .unwrap();
}

#[test]
fn bookmark_listings_and_export_show_stored_controls() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    hostile_state(&data);
    let run = |args: &[&str]| {
        let out = command::newsreader(&dir.path().join("home"), &data)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        out
    };
    let text = run(&["--bookmarks"]);
    assert_clean("--bookmarks", &text.stdout);
    assert!(String::from_utf8_lossy(&text.stdout).contains("^[]0;PWNED^G"));
    let json = run(&["--bookmarks", "--json"]);
    assert_clean("--bookmarks --json", &json.stdout);
    // Still the stored text, once the JSON is read.
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(listed[0]["note"], HOSTILE);
    let out = dir.path().join(format!("out-{HOSTILE_NAME}.md"));
    let export = run(&["--export-bookmarks", out.to_str().unwrap()]);
    assert_clean("--export-bookmarks stdout", &export.stdout);
    assert_clean("--export-bookmarks file", &std::fs::read(&out).unwrap());
}

#[test]
fn error_lines_show_a_hostile_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join(HOSTILE_NAME);
    let home = dir.path().join("home");
    let out = command::newsreader(&home, &dir.path().join("data"))
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_clean("missing file", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("evil^[]0;PWNED^G"));
    // A binary file, a config file, an export destination.
    let binary = dir.path().join(format!("bin-{HOSTILE_NAME}"));
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 0, 0xff, 0]).unwrap();
    for args in [
        vec![binary.into_os_string()],
        vec![
            "--config".into(),
            missing.clone().into_os_string(),
            SAMPLE.into(),
        ],
        vec![
            "--export-bookmarks".into(),
            dir.path().join("nope").join(HOSTILE_NAME).into_os_string(),
        ],
    ] {
        let out = command::newsreader(&home, &dir.path().join("data"))
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn dump_headers_show_a_hostile_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let out = command::newsreader(&dir.path().join("home"), &dir.path().join("data"))
        .args(["--dump", "text"])
        .arg(&path)
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_clean("--dump text", &out.stdout);
    assert_clean("--dump text stderr", &out.stderr);
}

#[test]
fn library_and_reader_screens_show_a_hostile_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let mut reader = pty::Pty::start([path.parent().unwrap()], dir.path());
    reader.wait_for(b"PWNED", 0);
    reader.wait_for(pty::HIDE, 0);
    // Into the edition (its name is in the status bar and title), and back.
    reader.press(b"\r");
    reader.press(b"q");
    reader.send(b"q");
    let (status, output, _) = reader.end();
    assert!(status.success(), "{status:?}");
    assert_no_hostile_sequence(&output);
    assert!(pty::contains(&output, b"^[]0;PWNED^G"));
}

#[test]
fn sidebar_shows_hostile_stored_strings() {
    let dir = tempfile::tempdir().unwrap();
    hostile_state(&dir.path().join("data"));
    let mut reader = pty::Pty::start([SAMPLE], dir.path());
    reader.wait_for(b"? help", 0);
    reader.wait_for(pty::HIDE, 0);
    if !pty::contains(&reader.seen, b"PWNED") {
        reader.press(b"B");
    }
    reader.wait_for(b"PWNED", 0);
    reader.send(b"q");
    let (status, output, _) = reader.end();
    assert!(status.success(), "{status:?}");
    assert_no_hostile_sequence(&output);
}

#[test]
fn the_screen_renderer_never_writes_a_control_character_set_in_a_cell() {
    use newsreader::terminal::screen::Screen;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Size;
    use ratatui::style::Style;
    let mut screen = Screen::new(Size::new(20, 2));
    // Set past `ui::text::put`, as a ratatui widget could.
    let bytes = screen
        .draw(|buf: &mut Buffer| {
            buf[(0, 0)].set_symbol("\u{1b}]0;PWNED\u{7}");
            buf[(1, 0)].set_symbol("\u{9b}");
            buf.set_string(2, 1, "ok", Style::default());
            None
        })
        .to_vec();
    assert!(!bytes.contains(&7), "BEL written");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("\u{1b}]"), "{text:?}");
    assert!(!text.contains('\u{9b}'), "{text:?}");
    assert!(text.contains("ok"));
}
