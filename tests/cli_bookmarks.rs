//! `newsreader --bookmarks [--json]` and `--export-bookmarks FILE.md` from
//! the outside (`assert_cmd`). Hermetic: every `NEWSREADER_*` variable is
//! removed, `HOME` and the XDG directories point into a temp dir, and
//! `NEWSREADER_DATA_DIR` is a fresh temp dir, filled through the store API.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use newsreader::edition::{Anchor, ArticleId, Fingerprint};
use newsreader::store::{Bookmark, Store};

#[path = "support/command.rs"]
mod command;

/// `newsreader` with a clean environment (see `support/command.rs`) and
/// `data` as its data directory; its home is inside `data`.
fn newsreader(data: &std::path::Path) -> Command {
    command::newsreader(&data.join("home"), data)
}

/// 2023-11-14 22:13:20 UTC.
const CREATED: u64 = 1_700_000_000;

fn bookmark(id: &str, title: &str, snippet: &str, note: Option<&str>, second: u64) -> Bookmark {
    Bookmark {
        id: id.to_owned(),
        article: ArticleId::derive(&Default::default(), &[title.to_owned()]),
        anchor: Anchor {
            paragraph: 2,
            offset: 5,
        },
        snippet: snippet.to_owned(),
        article_title: title.to_owned(),
        note: note.map(str::to_owned),
        created: CREATED + second,
    }
}

/// Two editions, known by their paths: `/papers/a.txt` with two bookmarks
/// (one with a note), `/papers/b.txt` with one.
fn two_editions(data: &std::path::Path) {
    let (mut store, _) = Store::open(data);
    let a = Fingerprint::of_text("edition a");
    let b = Fingerprint::of_text("edition b");
    store
        .add_bookmark(
            &a,
            Some("/papers/a.txt"),
            bookmark(
                "a1",
                "市委常委会会议召开",
                "本报讯 7月26日",
                Some("先读"),
                0,
            ),
        )
        .unwrap();
    store
        .add_bookmark(
            &a,
            Some("/papers/a.txt"),
            bookmark("a2", "吉佳蓝落户", "韩国吉佳蓝公司", None, 1),
        )
        .unwrap();
    store
        .add_bookmark(
            &b,
            Some("/papers/b.txt"),
            bookmark("b1", "Fund *launch*", "The fund backs", None, 2),
        )
        .unwrap();
}

#[test]
fn empty_store_lists_no_bookmarks() {
    let data = tempfile::tempdir().unwrap();
    newsreader(data.path())
        .arg("--bookmarks")
        .assert()
        .success()
        .stdout("No bookmarks yet.\n");
    newsreader(data.path())
        .args(["--bookmarks", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn missing_data_dir_lists_nothing_and_creates_nothing() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("not-yet");
    newsreader(&missing)
        .arg("--bookmarks")
        .assert()
        .success()
        .stdout("No bookmarks yet.\n");
    assert!(!missing.exists());
}

#[test]
fn bookmarks_lists_every_edition_with_title_snippet_and_note() {
    let data = tempfile::tempdir().unwrap();
    two_editions(data.path());
    let expected = "\
/papers/a.txt
  市委常委会会议召开 — 本报讯 7月26日…  [先读]
  吉佳蓝落户 — 韩国吉佳蓝公司…

/papers/b.txt
  Fund *launch* — The fund backs…
";
    newsreader(data.path())
        .arg("--bookmarks")
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn bookmarks_json_is_an_array_with_the_documented_fields() {
    let data = tempfile::tempdir().unwrap();
    two_editions(data.path());
    let output = newsreader(data.path())
        .args(["--bookmarks", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let items = json.as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "a2", "b1"]);
    let first = &items[0];
    assert_eq!(
        first["edition"],
        Fingerprint::of_text("edition a").to_string()
    );
    assert_eq!(first["edition_label"], "/papers/a.txt");
    assert_eq!(first["path"], "/papers/a.txt");
    assert_eq!(first["article_title"], "市委常委会会议召开");
    assert_eq!(first["snippet"], "本报讯 7月26日");
    assert_eq!(first["note"], "先读");
    assert_eq!(first["created"], CREATED);
    assert_eq!(first["anchor"]["paragraph"], 2);
    assert_eq!(first["anchor"]["offset"], 5);
    assert!(first["article"].is_string());
    assert!(items[1]["note"].is_null());
}

#[test]
fn export_writes_markdown_with_snippets_and_notes() {
    let data = tempfile::tempdir().unwrap();
    two_editions(data.path());
    let out = data.path().join("marks.md");
    newsreader(data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .assert()
        .success()
        .stdout(format!("3 bookmarks written to {}\n", out.display()));
    let expected = "\
# Bookmarks

## /papers/a.txt

- **市委常委会会议召开**: “本报讯 7月26日…”
  - Note: 先读
  - Added 2023-11-14
- **吉佳蓝落户**: “韩国吉佳蓝公司…”
  - Added 2023-11-14

## /papers/b.txt

- **Fund \\*launch\\***: “The fund backs…”
  - Added 2023-11-14
";
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
}

#[test]
fn export_replaces_an_existing_file_and_leaves_no_temp_file() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("marks.md");
    std::fs::write(&out, "old content").unwrap();
    newsreader(data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "# Bookmarks\n\nNo bookmarks yet.\n"
    );
    let names: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("marks.md")]);
}

#[test]
fn export_into_a_missing_directory_is_one_line_and_exit_1() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("no/such/dir/marks.md");
    let output = newsreader(data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // One clean line: the path named and the reason once, no temp file's
    // name and no `(os error 2)`.
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("newsreader: {}: No such file or directory\n", out.display())
    );
}

#[test]
fn export_onto_a_directory_fails_without_touching_it() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("a-dir.md");
    std::fs::create_dir(&out).unwrap();
    newsreader(data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(format!("newsreader: {}: Is a directory\n", out.display()));
    assert!(out.is_dir());
}

#[test]
fn bookmark_flags_need_no_file_but_do_not_take_one() {
    let data = tempfile::tempdir().unwrap();
    newsreader(data.path())
        .args(["--bookmarks", "edition.txt"])
        .assert()
        .code(2);
    newsreader(data.path()).arg("--json").assert().code(2);
}

#[test]
fn export_removes_temp_files_killed_exports_left_and_keeps_a_running_ones() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("marks.md");
    let file = |name: &str| out_dir.path().join(name);
    // A killed export's (pid beyond any pid_max), one from before temp
    // names carried a pid, an hour old, and a running export's (this test's
    // own pid), just made; and files that are not ours.
    std::fs::write(file(".newsreader-export.4999999.a1b2c3.tmp"), "x").unwrap();
    std::fs::write(file(".newsreader-export.Zq81xw.tmp"), "x").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(file(".newsreader-export.Zq81xw.tmp"))
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let running = format!(".newsreader-export.{}.k9k9k9.tmp", std::process::id());
    std::fs::write(file(&running), "x").unwrap();
    std::fs::write(file(".newsreader-export.notes.txt"), "mine").unwrap();
    std::fs::write(file("other.tmp"), "mine").unwrap();
    newsreader(data.path())
        .arg("--export-bookmarks")
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected = vec![
        running,
        ".newsreader-export.notes.txt".to_owned(),
        "marks.md".to_owned(),
        "other.tmp".to_owned(),
    ];
    expected.sort();
    assert_eq!(names, expected);
}
