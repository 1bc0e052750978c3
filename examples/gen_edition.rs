//! Writes a large generated edition for benchmarks and whole-process
//! measurements (issue 7):
//!
//! ```sh
//! cargo run --release --example gen_edition -- --size 10MB --shape pages --out big.txt
//! cargo run --release --example gen_edition -- --size 10MB --shape one-article --out one.txt
//! ```
//!
//! The generator itself is `benches/common/generate.rs`, shared with the
//! benches.

#[path = "../benches/common/generate.rs"]
mod generate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, ValueEnum};

/// Generate a large edition from the sample edition's layout.
#[derive(Debug, Parser)]
struct Args {
    /// Least size of the output: a number of bytes with an optional unit,
    /// KB/MB/GB (powers of 1000) or KiB/MiB/GiB (powers of 1024).
    #[arg(long, default_value = "10MB", value_parser = parse_size)]
    size: usize,
    /// `pages`: many pages of many articles; `one-article`: one huge article.
    #[arg(long, value_enum, default_value_t = ShapeArg::Pages)]
    shape: ShapeArg,
    /// Where to write the edition; standard output if not given.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShapeArg {
    Pages,
    OneArticle,
}

fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("not a size: {text:?}"))?;
    let scale = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => return Err(format!("unknown size unit {other:?}")),
    };
    // Sizes are whole bytes; the float only carries a decimal like "1.5MB".
    Ok((number * scale).round() as usize)
}

fn run(args: &Args) -> anyhow::Result<()> {
    let shape = match args.shape {
        ShapeArg::Pages => generate::Shape::Pages,
        ShapeArg::OneArticle => generate::Shape::OneArticle,
    };
    let text = generate::edition(shape, args.size);
    match &args.out {
        Some(path) => std::fs::write(path, &text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_edition: {error:#}");
            ExitCode::FAILURE
        }
    }
}
