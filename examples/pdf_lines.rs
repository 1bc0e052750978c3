//! Prints a PDF's lines as the PDF layout sees them (for tuning):
//! `cargo run --example pdf_lines -- edition.pdf [PAGE]`.
#![allow(clippy::unwrap_used, missing_docs)]
use newsreader::edition::pdf::{glyphs, lines};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let only: Option<usize> = args.get(2).and_then(|s| s.parse().ok());
    for (i, page) in glyphs::read(bytes).unwrap().iter().enumerate() {
        if only.is_some_and(|p| p != i + 1) {
            continue;
        }
        println!("== page {} ({}x{})", i + 1, page.width, page.height);
        for l in lines::lines(&page.glyphs) {
            println!(
                "{:6.1} {:6.1} {:6.1} {:6.1} {:5.2}{} {}",
                l.x0,
                l.x1,
                l.y0,
                l.y1,
                l.size,
                if l.bold { "b" } else { " " },
                l.text
            );
        }
    }
}
