//! Listing a library of editions from a temporary directory: which files,
//! their titles and dates, and their order.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use newsreader::library::{DateSource, EditionDate, Library, LibraryError};

#[path = "support/shared.rs"]
mod shared;
use shared::shared_dir;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Sets a file's modification time to `days` after 1970-01-01, 12:00 UTC.
fn set_modified(path: &Path, days: u64) {
    let time = UNIX_EPOCH + Duration::from_secs(days * 86_400 + 43_200);
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn date(year: i32, month: u32, day: u32) -> Option<EditionDate> {
    EditionDate::new(year, month, day)
}

fn scan(paths: &[&Path]) -> Library {
    Library::scan(paths).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn directory_entries_are_sorted_newest_first_by_date_from_furniture_name_or_time() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    write(
        d,
        "a.txt",
        "锡城日报\n2024年7月27日 星期六\n本报讯 会议召开。".as_bytes(),
    );
    write(d, "paper-2024-07-25.txt", b"No date in here.\n");
    let timed = write(d, "zzz.txt", b"Nothing.\n");
    // Day 19931 after 1970-01-01 is 2024-07-27 (worked out in the date
    // module's tests), so day 19930 is 2024-07-26.
    set_modified(&timed, 19_930);
    let library = scan(&[d]);
    let listed: Vec<_> = library
        .entries
        .iter()
        .map(|e| (e.title.as_str(), e.date, e.date_source))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("锡城日报", date(2024, 7, 27), Some(DateSource::Furniture)),
            ("zzz", date(2024, 7, 26), Some(DateSource::Modified)),
            (
                "paper-2024-07-25",
                date(2024, 7, 25),
                Some(DateSource::FileName)
            ),
        ]
    );
    assert!(library.entries.iter().all(|e| e.unread.is_none()));
}

#[test]
fn furniture_date_wins_over_the_file_name() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "2001-01-01.txt", b"THE STAR\nJuly 27, 1916\n");
    let library = scan(&[dir.path()]);
    assert_eq!(library.entries[0].date, date(1916, 7, 27));
    assert_eq!(library.entries[0].date_source, Some(DateSource::Furniture));
    assert_eq!(library.entries[0].title, "2001-01-01");
}

#[test]
fn directory_scan_takes_only_visible_txt_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    write(d, "2024-07-01.txt", b"x");
    write(d, "2024-07-02.TXT", b"x");
    write(d, ".2024-07-03.txt", b"x");
    write(d, "2024-07-04.pdf", b"x");
    std::fs::create_dir(d.join("2024-07-05.txt")).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<_> = scan(&[d])
        .entries
        .iter()
        .filter_map(|e| e.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names, ["2024-07-02.TXT", "2024-07-01.txt"]);
}

#[test]
fn files_named_explicitly_are_taken_whatever_their_extension_and_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = write(dir.path(), "b-2024-07-02.text", b"x");
    let b = write(dir.path(), "a-2024-07-01.txt", b"x");
    let library = scan(&[&a, &b, &a]);
    let paths: Vec<&Path> = library.entries.iter().map(|e| e.path.as_path()).collect();
    assert_eq!(paths, [a.as_path(), b.as_path()]);
}

#[test]
fn gbk_edition_head_gives_masthead_and_date() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = "湖滨时报\n2024年7月27日 星期六\n本报讯 市委常委会会议召开，深入学习贯彻。";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    write(dir.path(), "gbk.txt", &bytes);
    let entry = &scan(&[dir.path()]).entries[0];
    assert_eq!(entry.title, "湖滨时报");
    assert_eq!(entry.date, date(2024, 7, 27));
}

#[test]
fn date_far_down_in_an_article_is_not_the_furniture_date() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = "头版\n".repeat(50);
    text.push_str("2019年1月1日起施行。\n");
    let path = write(dir.path(), "x-20240727.txt", text.as_bytes());
    let entry = &scan(&[&path]).entries[0];
    assert_eq!(entry.date, date(2024, 7, 27));
    assert_eq!(entry.date_source, Some(DateSource::FileName));
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("nope");
    let error = Library::scan(&[&missing]).map(|_| ());
    assert!(matches!(error, Err(LibraryError::NotFound { .. })));
    let message = error.err().map(|e| e.to_string());
    assert_eq!(
        message,
        Some(format!("{}: No such file or directory", missing.display()))
    );
}

#[test]
fn a_missing_path_among_others_is_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let paper = write(
        dir.path(),
        "2024-07-26.txt",
        "本报讯 7月26日，会议召开。\n".as_bytes(),
    );
    let missing = dir.path().join("nope");
    let library = scan(&[&missing, &paper]);
    assert_eq!(library.len(), 1);
    assert_eq!(library.entries[0].path, paper);
    assert_eq!(
        library.skipped,
        vec![format!("{}: No such file or directory", missing.display())]
    );
    assert!(scan(&[&paper]).skipped.is_empty());
}

#[test]
fn empty_directory_gives_an_empty_library() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    assert!(scan(&[dir.path()]).is_empty());
}

#[test]
fn next_and_previous_stop_at_the_ends() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for day in 1..=3 {
        write(dir.path(), &format!("2024-07-0{day}.txt"), b"x");
    }
    let library = scan(&[dir.path()]);
    assert_eq!(library.len(), 3);
    assert_eq!(library.next(0), Some(1));
    assert_eq!(library.next(2), None);
    assert_eq!(library.previous(2), Some(1));
    assert_eq!(library.previous(0), None);
    let second = dir.path().join("2024-07-02.txt");
    assert_eq!(library.position(&second), Some(1));
}

#[test]
fn year_of_daily_files_lists_newest_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // 2023-01-01 is day 19358 after 1970-01-01 (19931 for 2024-07-27,
    // less 208 days into 2024, less 365 for 2023). File names run against
    // the dates, so name order is not date order.
    for day in 0..365u64 {
        let time = UNIX_EPOCH + Duration::from_secs((19_358 + day) * 86_400);
        let Some(d) = EditionDate::from_system_time(time) else {
            panic!("day {day} has no date");
        };
        let text = format!("晨报\n{}年{}月{}日\n正文。", d.year, d.month, d.day);
        write(
            dir.path(),
            &format!("e{:03}.txt", 364 - day),
            text.as_bytes(),
        );
    }
    let library = scan(&[dir.path()]);
    assert_eq!(library.len(), 365);
    let dates: Vec<_> = library.entries.iter().map(|e| e.date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(library.entries[0].date, date(2023, 12, 31));
    assert_eq!(library.entries[364].date, date(2023, 1, 1));
    let first = library.entries[0].path.file_name();
    assert_eq!(
        first.map(|n| n.to_string_lossy().into_owned()),
        Some("e000.txt".into())
    );
}

#[test]
fn real_extractor_output_gives_masthead_and_printed_date() {
    let layouts = shared_dir().join("samples/layouts");
    let a = layouts.join("wuxi-a/pdftotext.txt");
    let c = layouts.join("wuxi-c/mutool.txt");
    let library = scan(&[&a, &c]);
    let listed: Vec<_> = library
        .entries
        .iter()
        .map(|e| (e.title.as_str(), e.date))
        .collect();
    // gold.json: mastheads 锡城日报 (wuxi-a) and 梁溪晚报 (wuxi-c), both
    // dated 2024年7月27日; equal dates sort by path (wuxi-a first).
    assert_eq!(
        listed,
        [
            ("锡城日报", date(2024, 7, 27)),
            ("梁溪晚报", date(2024, 7, 27))
        ]
    );
}

mod properties {
    use newsreader::library::{find_in_file_name, find_in_text};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_or_name_gives_a_valid_date_or_none(
            text in "[0-9０-９年月日 ./,\\-a-zA-Z]{0,40}",
        ) {
            for found in [find_in_text(&text), find_in_file_name(&text)].into_iter().flatten() {
                prop_assert!((1..=12).contains(&found.month));
                prop_assert!((1..=31).contains(&found.day));
            }
        }
    }
}

#[test]
fn files_with_nothing_to_read_are_left_out_of_the_library() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let paper = write(d, "paper.txt", "锡城日报\n本报讯 会议召开。".as_bytes());
    let empty = write(d, "empty.txt", b"");
    let bom = write(d, "bom.txt", b"\xff\xfe");
    let blank = write(d, "blank.txt", b" \r\n\t\n");
    let from_dir: Vec<PathBuf> = scan(&[d]).entries.into_iter().map(|e| e.path).collect();
    assert_eq!(from_dir, std::slice::from_ref(&paper));
    // Named one by one, too: `}` from the paper has nowhere empty to go.
    let named = scan(&[&empty, &paper, &bom, &blank]);
    assert_eq!(named.len(), 1);
    assert_eq!(named.next(0), None);
}

#[test]
fn binary_files_are_left_out_and_named_and_utf16_is_not_binary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let paper = write(d, "paper.txt", "锡城日报\n本报讯 会议召开。".as_bytes());
    let binary = write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let named = write(d, "named.bin", b"\0\x01\x02\x03 data");
    let library = scan(&[d]);
    let paths: Vec<&Path> = library.entries.iter().map(|e| e.path.as_path()).collect();
    assert_eq!(paths, [paper.as_path()]);
    assert_eq!(
        library.skipped,
        [format!(
            "{}: binary file, not a text edition",
            binary.display()
        )]
    );
    let library = scan(&[&named, &paper]);
    assert_eq!(library.len(), 1);
    assert_eq!(library.skipped.len(), 1);
    // UTF-16 without a byte-order mark is full of NUL bytes, yet text: it
    // is told from binary by its alternate zero bytes, and listed, with or
    // without `--encoding`.
    let utf16: Vec<u8> = "锡城日报\n正文。"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = write(d, "utf16.txt", &utf16);
    assert_eq!(scan(&[&utf16, &paper]).len(), 2);
    let forced = Library::scan_with(&[&utf16, &paper], true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forced.len(), 2);
}

#[test]
fn editions_of_the_same_paper_and_date_say_what_tells_them_apart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let front = "锡城日报\n2024年7月27日 星期六\n本报讯 会议召开。\n";
    write(d, "a.txt", front.as_bytes());
    write(
        d,
        "b.txt",
        format!("{front}\u{c}第2版\n正文。\n").as_bytes(),
    );
    write(
        d,
        "c.txt",
        format!("{front}\u{c}第2版\n正文。\n\u{c}第3版\n正文。\n\u{c}\n").as_bytes(),
    );
    write(d, "other.txt", "锡城日报\n2024年7月26日\n正文。".as_bytes());
    let library = scan(&[d]);
    let labels: Vec<String> = library.entries.iter().map(|e| e.label()).collect();
    assert_eq!(
        labels,
        [
            "锡城日报 · a.txt, 1 page",
            "锡城日报 · b.txt, 2 pages",
            "锡城日报 · c.txt, 3 pages",
            "锡城日报",
        ]
    );
    // Once an edition has been opened, its article count (from the reading
    // state, filled in by the caller) tells it apart too.
    let mut opened = library.entries[1].clone();
    opened.articles = Some(4);
    assert_eq!(opened.label(), "锡城日报 · b.txt, 2 pages, 4 articles");
    opened.articles = Some(1);
    assert_eq!(opened.label(), "锡城日报 · b.txt, 2 pages, 1 article");
    // The same file name in two directories: the path tells them apart.
    let other = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = write(other.path(), "a.txt", front.as_bytes());
    let library = scan(&[&d.join("a.txt"), &copy]);
    let details: Vec<Option<String>> = library.entries.iter().map(|e| e.detail.clone()).collect();
    assert!(
        details.contains(&Some(format!("{}, 1 page", copy.display()))),
        "{details:?}"
    );
}
