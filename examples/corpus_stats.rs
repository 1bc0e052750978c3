//! Prints the statistics of issue 12's development corpus and fails when
//! it lacks variety or holds near-duplicates:
//!
//! ```sh
//! cargo run --example corpus_stats -- tests/corpus/*.json
//! ```
//!
//! Stories per script, dateline form, credit form and headline form;
//! editor's notes, paragraphs opening with `记者` or a name, short
//! paragraphs, enumerations, Latin words with digits; a length histogram;
//! near-duplicate pairs. Exits with 1, naming each problem, when a variety
//! has fewer than 10 stories or two stories share more than half their
//! text. The logic is `tests/support/corpus_stats.rs`, shared with
//! `tests/corpus.rs`.

#[path = "../tests/support/corpus_stats.rs"]
mod corpus_stats;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty()
        || paths
            .iter()
            .any(|p| p.as_os_str() == "--help" || p.as_os_str() == "-h")
    {
        eprintln!("usage: corpus_stats CORPUS.json...");
        return ExitCode::from(2);
    }
    let entries = match corpus_stats::load(&paths) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("corpus_stats: {e}");
            return ExitCode::FAILURE;
        }
    };
    let stats = corpus_stats::stats(&entries);
    print!("{}", corpus_stats::report(&stats));
    let problems = corpus_stats::problems(&stats);
    if problems.is_empty() {
        println!(
            "\nok: every variety has {} stories or more, no near-duplicates",
            corpus_stats::MIN_VARIETY
        );
        ExitCode::SUCCESS
    } else {
        println!("\nFAILS:");
        for p in &problems {
            println!("  {p}");
        }
        ExitCode::FAILURE
    }
}
