//! `--dump`: the edition printed without a terminal UI, as JSON (the model's
//! serde form) or as text typeset exactly as the reading pane sets it.
//!
//! Several files are dumped in the order given: text dumps each under a
//! `==> FILE <==` line (as `head` does), JSON as JSON Lines (one compact
//! document per file, one per line); one file's JSON is pretty-printed.
//!
//! Output goes through one buffer of [`BUFFER_BYTES`], so stdout is
//! written in 64 KiB pieces, not once per row (Rust's stdout is
//! line-buffered), and JSON is serialised straight into that buffer.
//!
//! One file is read, parsed and written on this thread, streaming into the
//! buffer. Several are read, parsed and set by a small pool of worker
//! threads ([`workers_for`]), each into a buffer of its own, while this
//! thread writes the finished ones out in the order given; at most
//! [`WINDOW_PER_WORKER`] finished or unfinished dumps per worker are held
//! at once, so a slow reader of the output holds the workers back rather
//! than letting memory grow.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

use super::DumpFormat;
use crate::edition::{Edition, LoadOptions};
use crate::typeset::{self, article::SetArticle};

/// The bytes gathered before each write to stdout.
pub const BUFFER_BYTES: usize = 64 * 1024;

/// The most worker threads a dump of several files uses (fewer on a
/// machine with fewer cores, or for fewer files): a large edition's parse
/// is itself parallel, so more would only add memory.
pub const MAX_WORKERS: usize = 4;

/// How many files per worker may be claimed but not yet written out: the
/// bound on the dumps held in memory at once.
pub const WINDOW_PER_WORKER: usize = 2;

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

/// Dumps every file of `request` to `out`, in the order given, through a
/// buffer of [`BUFFER_BYTES`]: `out` is written only whole buffers, and
/// what is left at the end. Each file's
/// non-fatal warnings go to `warn` with its path (on this thread, just
/// before its output). Several files are read and parsed in parallel (see
/// the module doc).
///
/// # Errors
/// The first file, in the order given, that cannot be read (the files
/// before it are dumped, nothing after it), or any error writing to `out`
/// (a broken pipe included).
pub fn files(
    request: &Request<'_>,
    out: impl Write,
    mut warn: impl FnMut(&str, &[String]),
) -> anyhow::Result<()> {
    let mut out = Chunks::new(out);
    let dumped = if request.files.len() == 1 {
        load(request, 0).and_then(|edition| {
            warn(&source(request, 0), &edition.warnings);
            Ok(write_edition(request, 0, &edition, &mut out)?)
        })
    } else {
        several(request, &mut out, &mut warn)
    };
    // The files dumped before one that could not be read are written out
    // all the same (after a write error this fails too, and the first
    // error is the one returned).
    let flushed = out.flush();
    dumped?;
    Ok(flushed?)
}

/// How many worker threads dump `files` files: one per core, at most
/// [`MAX_WORKERS`], and no more than there are files.
pub fn workers_for(files: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(MAX_WORKERS)
        .min(files)
        .max(1)
}

/// File `index` of `request` as shown in headers and warnings.
fn source(request: &Request<'_>, index: usize) -> String {
    request
        .files
        .get(index)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and parses file `index` of `request`.
fn load(request: &Request<'_>, index: usize) -> anyhow::Result<Edition> {
    let file = request
        .files
        .get(index)
        .ok_or_else(|| anyhow::anyhow!("no file {index} to dump"))?;
    let load = LoadOptions {
        encoding: request.encoding,
    };
    let edition = super::input::load(file, &load)?;
    Ok(edition)
}

/// Writes file `index`'s `edition` as `request` asks: JSON (a JSON Lines
/// record when there are several files), or text (under a `==> FILE <==`
/// header when there are several, a blank line before every header but the
/// first).
fn write_edition(
    request: &Request<'_>,
    index: usize,
    edition: &Edition,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let several = request.files.len() > 1;
    match request.format {
        DumpFormat::Json if several => json_line(edition, out),
        DumpFormat::Json => json(edition, out),
        DumpFormat::Text => {
            if several {
                let gap = if index == 0 { "" } else { "\n" };
                let source = source(request, index);
                writeln!(out, "{gap}==> {} <==", crate::sanitize::line(&source))?;
            }
            text(edition, request.width, &request.typeset, out)
        }
    }
}

/// A buffered writer that hands its writer only full buffers of
/// [`BUFFER_BYTES`], and what is left on [`Write::flush`]: so a dump of
/// `n` bytes makes `ceil(n / BUFFER_BYTES)` writes. (`BufWriter` writes its
/// buffer early when a piece does not fit in what is left of it, and
/// passes a piece larger than itself through whole.)
struct Chunks<W: Write> {
    inner: W,
    buffer: Vec<u8>,
}

impl<W: Write> Chunks<W> {
    fn new(inner: W) -> Self {
        Chunks {
            inner,
            buffer: Vec::with_capacity(BUFFER_BYTES),
        }
    }
}

impl<W: Write> Write for Chunks<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        // A full buffer is written before more is taken, so an error takes
        // none of `data`.
        if self.buffer.len() >= BUFFER_BYTES {
            self.inner.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        let take = (BUFFER_BYTES - self.buffer.len()).min(data.len());
        self.buffer.extend_from_slice(&data[..take]);
        Ok(take)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buffer.is_empty() {
            self.inner.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        self.inner.flush()
    }
}

/// One file's dump made by a worker: its warnings and its output bytes.
struct Dumped {
    warnings: Vec<String>,
    output: Vec<u8>,
}

/// Reads, parses and writes file `index` into a buffer of its own; a panic
/// in the parser becomes an error naming the file instead of a worker that
/// never answers.
fn dump_to_buffer(request: &Request<'_>, index: usize) -> anyhow::Result<Dumped> {
    let work = || -> anyhow::Result<Dumped> {
        let edition = load(request, index)?;
        let mut output = Vec::new();
        write_edition(request, index, &edition, &mut output)?;
        Ok(Dumped {
            warnings: edition.warnings,
            output,
        })
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(anyhow::anyhow!(
            "{}: internal error while reading it",
            source(request, index)
        ))
    })
}

/// Dumps several files: [`workers_for`] threads claim the files in order
/// and dump each into a buffer ([`dump_to_buffer`]); this thread writes
/// them out in the order given. A worker claims a file only with a token
/// from this thread, which hands out [`WINDOW_PER_WORKER`] per worker at
/// the start and one more after each file it writes.
fn several<W: Write>(
    request: &Request<'_>,
    out: &mut Chunks<W>,
    warn: &mut impl FnMut(&str, &[String]),
) -> anyhow::Result<()> {
    let count = request.files.len();
    let workers = workers_for(count);
    let next = AtomicUsize::new(0);
    let (tokens, token_receiver) = mpsc::channel::<()>();
    let token_receiver = Mutex::new(token_receiver);
    let (done, finished) = mpsc::channel::<(usize, anyhow::Result<Dumped>)>();
    for _ in 0..workers * WINDOW_PER_WORKER {
        let _ = tokens.send(());
    }
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done = done.clone();
            let (next, token_receiver) = (&next, &token_receiver);
            scope.spawn(move || {
                loop {
                    // The lock is only poisoned by a panic while receiving,
                    // which does not happen; stop then all the same.
                    let token = token_receiver.lock().map(|r| r.recv());
                    if !matches!(token, Ok(Ok(()))) {
                        return;
                    }
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        return;
                    }
                    if done.send((index, dump_to_buffer(request, index))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done);
        // Returning drops `tokens`: workers still dumping stop after their
        // file, and the scope waits for them.
        write_in_order(request, out, warn, &finished, tokens)
    })
}

/// Writes the workers' dumps, as they arrive on `finished`, in the order
/// of `request`'s files, handing a token back on `tokens` after each.
fn write_in_order<W: Write>(
    request: &Request<'_>,
    out: &mut Chunks<W>,
    warn: &mut impl FnMut(&str, &[String]),
    finished: &mpsc::Receiver<(usize, anyhow::Result<Dumped>)>,
    tokens: mpsc::Sender<()>,
) -> anyhow::Result<()> {
    let mut waiting: BTreeMap<usize, anyhow::Result<Dumped>> = BTreeMap::new();
    for index in 0..request.files.len() {
        let dumped = loop {
            if let Some(dumped) = waiting.remove(&index) {
                break dumped;
            }
            let (at, dumped) = finished
                .recv()
                .map_err(|_| anyhow::anyhow!("the dump's worker threads ended early"))?;
            waiting.insert(at, dumped);
        };
        let dumped = dumped?;
        warn(&source(request, index), &dumped.warnings);
        out.write_all(&dumped.output)?;
        // No worker left to take it: they have all ended.
        let _ = tokens.send(());
    }
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
        let set = SetArticle::new(article, width, options);
        for (_, row) in set.rows_with_text() {
            writeln!(out, "{}", row.trim_end())?;
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
                .rows_with_text()
                .map(|(_, text)| text.trim_end().to_owned())
                .collect();
        let second: Vec<String> =
            SetArticle::new(&edition.pages[0].articles[1], 40, &Default::default())
                .rows_with_text()
                .map(|(_, text)| text.trim_end().to_owned())
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

    /// At most one write per [`BUFFER_BYTES`] of output, and one more for
    /// the rest: what `--dump` into a pipe costs in system calls.
    fn assert_few_writes(writes: &Writes, what: &str) {
        let total: usize = writes.0.iter().sum();
        let most = total.div_ceil(BUFFER_BYTES) + 1;
        assert!(
            writes.0.len() <= most,
            "{what}: {} writes for {total} bytes (at most {most}): {:?}",
            writes.0.len(),
            writes.0
        );
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
            assert_few_writes(&writes, &format!("{format:?}"));
            let (last, full) = writes.0.split_last().unwrap();
            assert!(*last <= BUFFER_BYTES);
            assert!(
                full.iter().all(|&size| size == BUFFER_BYTES),
                "{format:?}: {:?}",
                writes.0
            );
        }
    }

    #[test]
    fn a_multi_file_dump_with_a_large_file_makes_one_write_per_64_kib_at_most() {
        // Small files around one whose dump alone is many buffers long:
        // the large one's bytes pass through in one piece or in buffers,
        // never in rows.
        let dir = tempfile::tempdir().unwrap();
        let mut files = sample_files(dir.path(), 3);
        let large = dir.path().join("large.txt");
        let page =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt"))
                .unwrap();
        std::fs::write(&large, vec![page; 40].join("\x0c")).unwrap();
        files.insert(1, large);
        for format in [DumpFormat::Text, DumpFormat::Json] {
            let request = Request {
                format,
                files: &files,
                width: 80,
                typeset: typeset::Options::default(),
                encoding: None,
            };
            let mut writes = Writes::default();
            files_to(&request, &mut writes);
            let total: usize = writes.0.iter().sum();
            assert!(total > 5 * BUFFER_BYTES, "{format:?}: {total}");
            assert_few_writes(&writes, &format!("{format:?}"));
        }
    }

    #[test]
    fn several_files_dump_as_each_alone_in_the_order_given_whatever_the_workers() {
        // The parallel dump gives the bytes a sequential one gives: each
        // file's own dump, in order, text under its header and JSON as
        // the compact form of its pretty document.
        let dir = tempfile::tempdir().unwrap();
        let mut paths = sample_files(dir.path(), 2);
        let other = dir.path().join("other.txt");
        std::fs::write(&other, "第二份报纸\n\n本报讯 正文一段。\n").unwrap();
        paths.insert(1, other);
        paths.push(paths[0].clone());
        paths.reverse();
        let alone = |format, path: &PathBuf| {
            let one = [path.clone()];
            let request = Request {
                format,
                files: &one,
                width: 50,
                typeset: typeset::Options::default(),
                encoding: None,
            };
            let mut out = Vec::new();
            files(&request, &mut out, |_, _| {}).unwrap();
            String::from_utf8(out).unwrap()
        };
        let request = |format| Request {
            format,
            files: &paths,
            width: 50,
            typeset: typeset::Options::default(),
            encoding: None,
        };
        let mut out = Vec::new();
        let mut warned = Vec::new();
        files(&request(DumpFormat::Text), &mut out, |source, _| {
            warned.push(source.to_owned());
        })
        .unwrap();
        let expected: Vec<String> = paths
            .iter()
            .map(|p| format!("==> {} <==\n{}", p.display(), alone(DumpFormat::Text, p)))
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected.join("\n"));
        let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(warned, given, "warnings come in the order given too");

        let mut out = Vec::new();
        files(&request(DumpFormat::Json), &mut out, |_, _| {}).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let expected: Vec<serde_json::Value> = paths
            .iter()
            .map(|p| serde_json::from_str(&alone(DumpFormat::Json, p)).unwrap())
            .collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn the_first_unreadable_file_stops_the_dump_after_the_files_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = sample_files(dir.path(), 6);
        paths.insert(2, dir.path().join("missing.txt"));
        let request = Request {
            format: DumpFormat::Text,
            files: &paths,
            width: 60,
            typeset: typeset::Options::default(),
            encoding: None,
        };
        let mut out = Vec::new();
        let err = files(&request, &mut out, |_, _| {}).unwrap_err();
        assert!(err.to_string().contains("missing.txt"), "{err}");
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.matches("==> ").count(), 2, "the two files before it");
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
