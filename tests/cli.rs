//! The binary from the outside (`assert_cmd`): dumps, errors and exit codes.
//! Hermetic: every `NEWSREADER_*` variable is removed, and home, config
//! and data directories are a fresh temp dir.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use newsreader::typeset::{AmbiguousWidth, display_width};
use predicates::prelude::*;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

#[path = "support/command.rs"]
mod command;
#[path = "support/shared.rs"]
mod shared;

use shared::shared_dir;

/// `newsreader` with a clean environment (see `support/command.rs`): a
/// temp home and data directory (kept alive by the returned guard).
fn newsreader() -> (Command, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let cmd = command::newsreader(&data.path().join("home"), data.path());
    (cmd, data)
}

fn stdout_of(args: &[&str]) -> String {
    let (mut cmd, _data) = newsreader();
    let output = cmd.args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn dump_json_has_the_documented_shape() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["--dump", "json", SAMPLE])).unwrap();
    assert_eq!(json["source"], SAMPLE);
    assert_eq!(json["encoding"], "UTF-8");
    assert!(json["dropped"].is_u64());
    let page = &json["pages"][0];
    assert_eq!(page["number"], 1);
    assert!(page["label"].is_null() || page["label"].is_string());
    let articles = page["articles"].as_array().unwrap();
    assert!(!articles.is_empty());
    for article in articles {
        for key in ["id", "dateline", "byline"] {
            assert!(article.get(key).is_some(), "missing {key}");
        }
        for key in ["kicker", "title", "subtitle", "paragraphs"] {
            assert!(article[key].is_array(), "{key} is not a list");
        }
    }
}

#[test]
fn dump_json_of_the_sample_equals_the_expected_parse() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared_dir().join("expected/seed.json")).unwrap(),
    )
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["--dump", "json", SAMPLE])).unwrap();
    let articles: Vec<&serde_json::Value> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["articles"].as_array().unwrap())
        .collect();
    let expected = expected["articles"].as_array().unwrap();
    assert_eq!(articles.len(), expected.len());
    for (got, want) in articles.iter().zip(expected) {
        let headline: Vec<&serde_json::Value> = ["kicker", "title", "subtitle"]
            .iter()
            .flat_map(|k| got[*k].as_array().unwrap())
            .collect();
        let want_headline: Vec<&serde_json::Value> =
            want["headline_lines"].as_array().unwrap().iter().collect();
        assert_eq!(headline, want_headline);
        assert_eq!(got["dateline"], want["dateline"]);
        assert_eq!(got["byline"], want["byline"]);
        assert_eq!(got["paragraphs"], want["paragraphs"]);
    }
}

#[test]
fn dump_text_at_40_columns_fits_and_loses_no_paragraph_character() {
    let text = stdout_of(&["--dump", "text", "--width", "40", SAMPLE]);
    for line in text.lines() {
        assert!(
            display_width(line, AmbiguousWidth::Narrow) <= 40,
            "too wide: {line}"
        );
        assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["--dump", "json", SAMPLE])).unwrap();
    let dumped = without_whitespace(&text);
    let mut from = 0;
    for page in json["pages"].as_array().unwrap() {
        for article in page["articles"].as_array().unwrap() {
            for paragraph in article["paragraphs"].as_array().unwrap() {
                let paragraph = without_whitespace(paragraph.as_str().unwrap());
                let at = dumped[from..].find(&paragraph).unwrap_or_else(|| {
                    panic!("paragraph lost or out of order: {paragraph}");
                });
                from += at + paragraph.len();
            }
        }
    }
}

#[test]
fn piped_output_without_dump_is_the_text_dump() {
    let piped = stdout_of(&[SAMPLE]);
    assert_eq!(piped, stdout_of(&["--dump", "text", SAMPLE]));
}

#[test]
fn missing_file_is_one_line_with_its_path_and_exit_1() {
    let (mut cmd, _data) = newsreader();
    let output = cmd.arg("no/such/edition.txt").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("newsreader: no/such/edition.txt: "),
        "{stderr}"
    );
}

#[test]
fn directory_is_refused_with_exit_1() {
    let (mut cmd, data) = newsreader();
    let dir = data.path().display().to_string();
    cmd.arg(&dir)
        .assert()
        .code(1)
        .stderr(format!("newsreader: {dir}: is a directory\n"));
}

#[test]
fn empty_file_is_a_clear_error() {
    let (mut cmd, data) = newsreader();
    let path = data.path().join("empty.txt");
    std::fs::write(&path, "  \n\n").unwrap();
    cmd.arg(&path)
        .assert()
        .code(1)
        .stderr(format!("newsreader: {}: empty file\n", path.display()));
}

#[test]
fn byte_order_mark_with_no_text_is_an_empty_file_for_reader_and_dump() {
    // A lone UTF-16LE mark, and a UTF-16BE mark before an encoded space and
    // line feed: both decode to whitespace only.
    for (name, bytes) in [
        ("bom.txt", &b"\xff\xfe"[..]),
        ("bom-be.txt", &b"\xfe\xff\x00 \x00\n"[..]),
    ] {
        let (_, data) = newsreader();
        let path = data.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let message = format!("newsreader: {}: empty file\n", path.display());
        let (mut reader, _keep) = newsreader();
        reader.arg(&path).assert().code(1).stderr(message.clone());
        let (mut dump, _keep) = newsreader();
        dump.args(["--dump", "text"])
            .arg(&path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(message);
    }
}

/// Deterministic "random" bytes (a 64-bit LCG), so the test is repeatable.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 56) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_refused_as_binary_without_panic() {
    let (mut cmd, data) = newsreader();
    let path: std::path::PathBuf = data.path().join("noise.bin");
    std::fs::write(&path, noise(4096)).unwrap();
    cmd.arg(&path).assert().code(1).stderr(format!(
        "newsreader: {}: binary file, not a text edition\n",
        path.display()
    ));
}

#[test]
fn invalid_utf8_text_still_dumps_with_a_warning() {
    let (mut cmd, data) = newsreader();
    let path = data.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xe9 society.\n\nA second paragraph.\n").unwrap();
    cmd.args(["--dump", "text"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("second paragraph"));
}

#[test]
fn help_lists_the_options() {
    let (mut cmd, _data) = newsreader();
    cmd.arg("--help").assert().success().stdout(
        predicate::str::contains("--dump")
            .and(predicate::str::contains("--width"))
            .and(predicate::str::contains("--data-dir"))
            .and(predicate::str::contains("--ambiguous-width"))
            .and(predicate::str::contains("--no-resume")),
    );
}

#[test]
fn version_prints_the_crate_version() {
    let (mut cmd, _data) = newsreader();
    cmd.arg("--version")
        .assert()
        .success()
        .stdout(format!("newsreader {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    let (mut cmd, _data) = newsreader();
    cmd.args(["--dump", "xml", SAMPLE]).assert().code(2);
    // No FILE, and nothing on standard input (assert_cmd would give it a
    // pipe, which is read as the edition).
    let data = tempfile::tempdir().unwrap();
    let output = command::newsreader_without_input(&data.path().join("home"), data.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[test]
fn wide_ambiguous_dump_counts_quotes_as_two_columns() {
    let wide = stdout_of(&[
        "--dump",
        "text",
        "--width",
        "40",
        "--ambiguous-width",
        "wide",
        SAMPLE,
    ]);
    for line in wide.lines() {
        assert!(
            display_width(line, AmbiguousWidth::Wide) <= 40,
            "too wide: {line}"
        );
    }
    // Piped, `auto` means narrow: the sample's “” then fit more per row.
    let auto = stdout_of(&["--dump", "text", "--width", "40", SAMPLE]);
    let narrow = stdout_of(&[
        "--dump",
        "text",
        "--width",
        "40",
        "--ambiguous-width",
        "narrow",
        SAMPLE,
    ]);
    assert_eq!(auto, narrow);
    assert_ne!(wide, narrow);
}

#[test]
fn file_over_one_gib_is_refused_without_reading_it() {
    let (mut cmd, data) = newsreader();
    let path = data.path().join("huge.txt");
    // A sparse file: no disk space is used.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len((1 << 30) + 1).unwrap();
    cmd.arg(&path).assert().code(1).stderr(format!(
        "newsreader: {}: file too large (over 1 GiB)\n",
        path.display()
    ));
}

#[test]
fn a_dump_into_a_closed_pipe_exits_0() {
    use std::io::Read as _;
    let data = tempfile::tempdir().unwrap();
    let files: Vec<&str> = std::iter::repeat_n(SAMPLE, 300).collect();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("newsreader"))
        .env("NEWSREADER_DATA_DIR", data.path())
        .env("HOME", data.path())
        .args(["--dump", "text"])
        .args(&files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0; 16];
    stdout.read_exact(&mut first).unwrap();
    // `newsreader … | head -c 16`: the reader goes away.
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn several_files_dump_exactly_as_each_alone_and_in_the_order_given() {
    // Issue 16: several files are dumped in parallel; the output must be
    // what dumping them one after the other gives, byte for byte. The
    // files differ in size (a 400 KB edition of many pages, parsed on
    // threads of its own, among small ones), so the workers finish out
    // of order.
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("large.txt");
    let page = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(&large, vec![page.as_str(); 40].join("\x0c")).unwrap();
    let large = large.display().to_string();
    let layouts = shared_dir().join("samples/layouts");
    let layout = |name: &str| {
        layouts
            .join(name)
            .join("pdftotext.txt")
            .display()
            .to_string()
    };
    let files = [
        layout("wuxi-b"),
        large.clone(),
        SAMPLE.to_owned(),
        layout("wuxi-a"),
        large,
        layout("wuxi-d"),
        SAMPLE.to_owned(),
    ];
    let alone = |format: &str, file: &str| stdout_of(&["--dump", format, "--width", "60", file]);

    let mut args = vec!["--dump", "text", "--width", "60"];
    args.extend(files.iter().map(String::as_str));
    let expected: Vec<String> = files
        .iter()
        .map(|f| format!("==> {f} <==\n{}", alone("text", f)))
        .collect();
    assert_eq!(stdout_of(&args), expected.join("\n"));

    args[1] = "json";
    let output = stdout_of(&args);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), files.len());
    for (line, file) in lines.iter().zip(&files) {
        // Each record is one file's pretty document, made compact.
        let alone: serde_json::Value = serde_json::from_str(&alone("json", file)).unwrap();
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(record == alone, "the record of {file} is not its own dump");
        assert!(!line.contains('\n') && line.starts_with("{\"source\":"));
    }
}
