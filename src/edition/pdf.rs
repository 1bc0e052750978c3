//! PDF editions: a newspaper's PDF read into the same [`Edition`] model as
//! a text edition, with the articles recovered from the glyphs' geometry
//! rather than from an extractor's guess at reading order.
//!
//! The pipeline, one typed stage after another:
//! 1. [`glyphs::read`]: bytes → pages of positioned glyphs (char, box, font,
//!    size), the only code that knows the PDF library;
//! 2. [`layout`]: glyphs → lines → body size and line pitch → headline
//!    groups and body columns → articles, in reading order (down each
//!    column, columns left to right);
//! 3. [`load`]: the articles as an [`Edition`], with datelines and closing
//!    credits read by the text parser's recognisers.

pub mod glyphs;
pub mod layout;
pub mod lines;

use super::{Edition, Fingerprint};

pub use super::{PDF_MAGIC as MAGIC, is_pdf};

/// Why a PDF could not be read into an edition. Each is one short line for
/// `newsreader: <path>: <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The file is not a PDF the reader can parse (truncated, damaged).
    #[error("not a readable PDF ({0})")]
    Malformed(String),
    /// The PDF is encrypted with a password.
    #[error("encrypted PDF (a password is needed)")]
    Encrypted,
    /// The PDF's pages hold no text: pictures of pages.
    #[error("no text layer (a scanned page?)")]
    NoText,
}

/// Reads a PDF edition. `source` is recorded as given.
///
/// # Errors
/// [`PdfError`] for a file that cannot be read or holds no text.
pub fn load(bytes: Vec<u8>, source: Option<&str>) -> Result<(Edition, Fingerprint), PdfError> {
    let pages = glyphs::read(bytes)?;
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.ch.is_whitespace()))
    {
        return Err(PdfError::NoText);
    }
    let edition = layout::edition(&pages, source);
    let text: String = pages
        .iter()
        .flat_map(|p| p.glyphs.iter().map(|g| g.ch))
        .collect();
    Ok((edition, Fingerprint::of_text(&text)))
}
