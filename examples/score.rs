//! Scores the parser on editions made by `layoutgen/newsgen.py` (issue 12):
//!
//! ```sh
//! cargo run --release --example score -- tests/corpus/editions/valid
//! cargo run --release --example score -- --verbose ../shared/samples/layouts/wuxi-a
//! cargo run --release --example score -- --json DIR... > report.json
//! ```
//!
//! Each DIR is an edition folder (`gold.json` beside `pdfminer.txt`,
//! `pdftotext.txt`, `mutool.txt`, `pdftotext-layout.txt`, whichever exist)
//! or a folder of such folders, at any depth. Prints per extractor the
//! articles exactly right, characters lost and duplicated, articles too
//! many and too few, and the misses by kind; `--verbose` first prints each
//! miss with gold against the parse, `--json` the whole report as JSON.
//! What each figure means is in `tests/support/score.rs`, shared with
//! `tests/parse_score.rs`.

#[path = "../tests/support/score.rs"]
mod score;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: score [--json] [--verbose] DIR...";

fn main() -> ExitCode {
    let mut json = false;
    let mut verbose = false;
    let mut dirs = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => json = true,
            Some("--verbose" | "-v") => verbose = true,
            Some("--help" | "-h") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') => {
                eprintln!("score: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let report = match score::score_dirs(&dirs) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("score: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let mut text = String::new();
        if verbose {
            for edition in &report.editions {
                for miss in &edition.misses {
                    text.push_str(&score::describe_miss(edition, miss));
                }
            }
            if !text.is_empty() {
                text.push('\n');
            }
        }
        text.push_str(&score::table(&report.totals));
        out.write_all(text.as_bytes())
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("score: {e}");
            ExitCode::FAILURE
        }
    }
}
