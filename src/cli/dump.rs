//! `--dump`: the edition printed without a terminal UI, as JSON (the model's
//! serde form) or as text typeset exactly as the reading pane sets it.
//!
//! Several files are dumped in the order given: text dumps each under a
//! `==> FILE <==` line (as `head` does), JSON as JSON Lines (one compact
//! document per file, one per line); one file's JSON is pretty-printed.
//! Everything goes through one buffer of [`BUFFER_BYTES`], so stdout is
//! written in 64 KiB pieces, not once per row.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use super::DumpFormat;
use crate::edition::{self, Edition, LoadOptions};
use crate::typeset::{self, article::SetArticle};

/// The bytes gathered before each write to stdout.
pub const BUFFER_BYTES: usize = 64 * 1024;

/// What `--dump` prints, and how.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// JSON or text.
    pub format: DumpFormat,
    /// The edition files, dumped in this order.
    pub files: &'a [PathBuf],
    /// Row width for text, in columns.
    pub width: usize,
    /// Typesetting settings for text.
    pub typeset: typeset::Options,
    /// A forced encoding (`--encoding`), if any.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Dumps every file of `request` to `out`, through a buffer of
/// [`BUFFER_BYTES`] that is flushed at the end. Each file's non-fatal
/// warnings go to `warn` with its path, as it is read.
///
/// # Errors
/// The first file that cannot be read (nothing after it is dumped), or any
/// error writing to `out` (a broken pipe included).
pub fn files(
    request: &Request<'_>,
    out: impl Write,
    mut warn: impl FnMut(&str, &[String]),
) -> anyhow::Result<()> {
    let mut out = BufWriter::with_capacity(BUFFER_BYTES, out);
    let several = request.files.len() > 1;
    for (i, file) in request.files.iter().enumerate() {
        let bytes = super::input::read_edition(file, request.encoding.is_some())?;
        let source = file.to_string_lossy().into_owned();
        let load = LoadOptions {
            encoding: request.encoding,
        };
        let (edition, _) = edition::load_owned(bytes, Some(&source), &load);
        warn(&source, &edition.warnings);
        match request.format {
            DumpFormat::Json if several => json_line(&edition, &mut out)?,
            DumpFormat::Json => json(&edition, &mut out)?,
            DumpFormat::Text => {
                if several {
                    let gap = if i == 0 { "" } else { "\n" };
                    writeln!(out, "{gap}==> {} <==", crate::sanitize::line(&source))?;
                }
                text(&edition, request.width, &request.typeset, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes `edition` as one line of compact JSON (a JSON Lines record): the
/// same document as [`json`], without the layout.
///
/// # Errors
/// Any error writing to `out` (a broken pipe included).
pub fn json_line(edition: &Edition, out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, edition)?;
    writeln!(out)
}

/// Writes `edition` as pretty-printed JSON followed by a newline. The field
/// names are the serde names of [`Edition`] and its parts (`source`,
/// `encoding`, `dropped`, `pages[].number/label/articles`, …).
///
/// # Errors
/// Any error writing to `out` (a broken pipe included).
pub fn json(edition: &Edition, out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, edition)?;
    writeln!(out)
}

/// Writes every article of `edition` set at `width` columns with
/// [`SetArticle`] — the rows the reading pane shows: headline lines,
/// dateline and byline, then paragraphs — one row per line with trailing
/// spaces removed. Articles are separated by one blank line. Does not
/// flush `out`.
///
/// # Errors
/// Any error writing to `out` (a broken pipe included).
pub fn text(
    edition: &Edition,
    width: usize,
    options: &typeset::Options,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for (index, article) in edition.articles().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        for row in SetArticle::new(article, width, options).rows {
            writeln!(out, "{}", row.text.trim_end())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::edition::{Article, Headline, Page};

    fn edition(articles: Vec<Article>) -> Edition {
        Edition {
            pages: vec![Page {
                number: 1,
                articles,
                ..Page::default()
            }],
            ..Edition::default()
        }
    }

    fn article(title: &str, paragraph: &str) -> Article {
        Article {
            headline: Headline {
                title: vec![title.into()],
                ..Headline::default()
            },
            paragraphs: vec![paragraph.into()],
            ..Article::default()
        }
    }

    #[test]
    fn text_dump_separates_articles_by_one_blank_line() {
        let edition = edition(vec![article("一", "甲"), article("二", "乙")]);
        let mut out = Vec::new();
        text(&edition, 40, &typeset::Options::default(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let first: Vec<String> =
            SetArticle::new(&edition.pages[0].articles[0], 40, &Default::default())
                .rows
                .into_iter()
                .map(|r| r.text.trim_end().to_owned())
                .collect();
        let second: Vec<String> =
            SetArticle::new(&edition.pages[0].articles[1], 40, &Default::default())
                .rows
                .into_iter()
                .map(|r| r.text.trim_end().to_owned())
                .collect();
        let expected = format!("{}\n\n{}\n", first.join("\n"), second.join("\n"));
        assert_eq!(out, expected);
    }

    /// A writer that records the size of every write it is given.
    #[derive(Default)]
    struct Writes(Vec<usize>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn sample_files(dir: &std::path::Path, count: usize) -> Vec<PathBuf> {
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");
        (0..count)
            .map(|i| {
                let path = dir.join(format!("{i}.txt"));
                std::fs::copy(sample, &path).unwrap();
                path
            })
            .collect()
    }

    #[test]
    fn dumps_reach_the_writer_in_pieces_of_about_64_kib() {
        let dir = tempfile::tempdir().unwrap();
        let files = sample_files(dir.path(), 30);
        for format in [DumpFormat::Text, DumpFormat::Json] {
            let request = Request {
                format,
                files: &files,
                width: 40,
                typeset: typeset::Options::default(),
                encoding: None,
            };
            let mut writes = Writes::default();
            files_to(&request, &mut writes);
            let total: usize = writes.0.iter().sum();
            assert!(total > 4 * BUFFER_BYTES, "{total}");
            let (last, full) = writes.0.split_last().unwrap();
            assert!(*last <= BUFFER_BYTES);
            for size in full {
                assert!(
                    (BUFFER_BYTES - 4096..=BUFFER_BYTES).contains(size),
                    "{format:?}: {:?}",
                    writes.0
                );
            }
        }
    }

    fn files_to(request: &Request<'_>, out: &mut Writes) {
        files(request, out, |_, _| {}).unwrap();
    }

    #[test]
    fn several_files_as_json_are_json_lines_in_the_order_given() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = sample_files(dir.path(), 2);
        paths.reverse();
        let request = Request {
            format: DumpFormat::Json,
            files: &paths,
            width: 80,
            typeset: typeset::Options::default(),
            encoding: None,
        };
        let mut out = Vec::new();
        files(&request, &mut out, |_, _| {}).unwrap();
        let text = String::from_utf8(out).unwrap();
        let sources: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
            .collect();
        let given: Vec<String> = paths
            .iter()
            .map(|f| format!("{:?}", f.to_string_lossy()))
            .collect();
        assert_eq!(sources, given);
    }

    #[test]
    fn json_dump_uses_model_field_names() {
        let edition = edition(vec![article("一", "甲")]);
        let mut out = Vec::new();
        json(&edition, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let article = &value["pages"][0]["articles"][0];
        assert_eq!(article["title"][0], "一");
        assert_eq!(article["paragraphs"][0], "甲");
        assert!(article["dateline"].is_null());
        assert_eq!(value["pages"][0]["number"], 1);
    }
}
