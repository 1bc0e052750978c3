//! PDF editions read from their glyphs' geometry (`newsreader paper.pdf`):
//! the four shared layout editions and a few generated editions of the
//! training set (`tests/corpus/pdf/`), scored against their gold with the
//! scorer of `tests/support/score.rs`; and hostile PDFs (truncated, bytes
//! flipped) that must give an error or an edition, never a panic.

#![cfg(feature = "pdf")]
#![allow(clippy::unwrap_used)]

#[path = "support/score.rs"]
mod score;
#[path = "support/shared.rs"]
mod shared;

use std::path::Path;
use std::time::{Duration, Instant};

use newsreader::edition::pdf::{self, PdfError};
use proptest::prelude::*;

/// Articles exactly right per edition, as reached; the test fails below.
const FLOORS: &[(&str, usize)] = &[
    ("wuxi-a", 4),
    ("wuxi-b", 4),
    ("wuxi-c", 4),
    ("wuxi-d", 4),
    ("ed57", 5),
    ("ed44", 2),
    ("ed35", 5),
];

fn score_pdf(dir: &Path) -> score::EditionScore {
    let scores = score::score_edition_dir_with(dir, Some("pdf")).unwrap();
    scores.into_iter().next().unwrap()
}

#[test]
fn pdf_editions_parse_to_their_gold() {
    let mut dirs: Vec<_> = ["wuxi-a", "wuxi-b", "wuxi-c", "wuxi-d"]
        .iter()
        .map(|n| shared::shared(&format!("samples/layouts/{n}")))
        .collect();
    for n in ["ed57", "ed44", "ed35"] {
        dirs.push(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/corpus/pdf")
                .join(n),
        );
    }
    let mut failures = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let s = score_pdf(&dir);
        let floor = FLOORS.iter().find(|(n, _)| *n == name).unwrap().1;
        eprintln!("{name}: {}/{} exact, {} lost", s.exact, s.articles, s.lost);
        if s.exact < floor {
            failures.push(format!("{name}: {} exact < {floor}", s.exact));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn pdf_dump_json_says_format_pdf() {
    let path = shared::shared("samples/layouts/wuxi-a/edition.pdf");
    let (edition, _) = pdf::load(std::fs::read(&path).unwrap(), Some("x.pdf")).unwrap();
    let json = serde_json::to_value(&edition).unwrap();
    assert_eq!(json["format"], "pdf");
    assert_eq!(json["source"], "x.pdf");
}

#[test]
fn pdf_with_no_text_says_so() {
    // A one-page PDF whose page draws nothing: no text layer.
    let body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n";
    let xref_at = body.len();
    let mut pdf_text = body.to_owned();
    pdf_text.push_str("xref\n0 4\n0000000000 65535 f \n");
    for obj in ["1 0 obj", "2 0 obj", "3 0 obj"] {
        pdf_text.push_str(&format!("{:010} 00000 n \n", body.find(obj).unwrap()));
    }
    pdf_text.push_str(&format!(
        "trailer<</Size 4/Root 1 0 R>>\nstartxref\n{xref_at}\n%%EOF\n"
    ));
    let err = pdf::load(pdf_text.into_bytes(), None).unwrap_err();
    assert_eq!(err, PdfError::NoText);
    assert_eq!(err.to_string(), "no text layer (a scanned page?)");
}

fn sample() -> Vec<u8> {
    std::fs::read(shared::shared("samples/layouts/wuxi-a/edition.pdf")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn truncated_or_mutated_pdfs_never_panic(
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..16),
    ) {
        let mut bytes = sample();
        // Lengths are small: the float-to-index casts cannot overflow.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        {
            bytes.truncate(((bytes.len() as f64) * (0.05 + 0.95 * cut)) as usize);
            let len = bytes.len() as f64;
            for (at, byte) in flips {
                if let Some(b) = bytes.get_mut((at * len) as usize) {
                    *b = byte;
                }
            }
        }
        let started = Instant::now();
        // Either an edition or a one-line error; a panic fails the test.
        if let Err(e) = pdf::load(bytes, None) {
            prop_assert!(!e.to_string().contains('\n'));
        }
        prop_assert!(started.elapsed() < Duration::from_secs(60));
    }
}
