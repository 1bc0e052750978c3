//! Reading a PDF into positioned glyphs: the one interface between the PDF
//! library and the layout code, so that another backend can replace
//! `pdf_oxide` without touching the rest.
//!
//! Coordinates are PDF points with the origin at the page's top left and y
//! growing downwards (as on screen), whatever the PDF's own user space.

use std::panic::AssertUnwindSafe;

use super::PdfError;

/// One character as printed: its text, box, font and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The character (after the font's `ToUnicode` map or CID decoding).
    pub ch: char,
    /// Left edge, in points from the page's left.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge, in points from the page's top.
    pub y0: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The font's name as the PDF gives it (`AAAAAB+NotoSerifCJKsc-Bold`).
    pub font: String,
    /// The font size in points (the size the text is set at, after the
    /// text matrix's scale).
    pub size: f32,
}

impl Glyph {
    /// The vertical middle of the glyph's box.
    pub fn mid_y(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }

    /// True when the font's name says bold (`Bold`, `Heavy`, `Black`).
    pub fn is_bold(&self) -> bool {
        let f = self.font.to_ascii_lowercase();
        ["bold", "heavy", "black"].iter().any(|w| f.contains(w))
    }
}

/// One page's glyphs, in content-stream order, with the page's size.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlyphPage {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The page's glyphs; a space the PDF prints is a glyph too.
    pub glyphs: Vec<Glyph>,
}

/// The most pages read from one PDF: a day's paper has tens; more is a
/// book or a hostile file.
pub const MAX_PAGES: usize = 2000;

/// Reads every page of a PDF into glyphs.
///
/// # Errors
/// [`PdfError`] when the file cannot be parsed, is encrypted with a
/// password, or the library fails on it (a panic inside the library is
/// caught and reported as a malformed file).
pub fn read(bytes: Vec<u8>) -> Result<Vec<GlyphPage>, PdfError> {
    std::panic::catch_unwind(AssertUnwindSafe(|| read_oxide(bytes)))
        .unwrap_or(Err(PdfError::Malformed("the PDF reader failed".to_owned())))
}

/// The `pdf_oxide` backend.
fn read_oxide(bytes: Vec<u8>) -> Result<Vec<GlyphPage>, PdfError> {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(|e| classify(&e))?;
    let count = doc.page_count().map_err(|e| classify(&e))?;
    if count == 0 {
        return Err(PdfError::Malformed("no pages".to_owned()));
    }
    let mut pages = Vec::with_capacity(count.min(MAX_PAGES));
    for index in 0..count.min(MAX_PAGES) {
        let (x0, y0, x1, y1) = doc
            .get_page_media_box(index)
            .unwrap_or((0.0, 0.0, 612.0, 792.0));
        let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
        let chars = doc.extract_chars(index).map_err(|e| classify(&e))?;
        let glyphs = chars
            .into_iter()
            .filter(|c| c.char != '\0' && !c.char.is_control())
            .filter(|c| c.bbox.width.is_finite() && c.bbox.height.is_finite())
            .map(|c| Glyph {
                ch: c.char,
                x0: c.bbox.x - x0.min(x1),
                x1: c.bbox.x + c.bbox.width - x0.min(x1),
                // pdf_oxide gives boxes in PDF user space (y up, `y` the
                // bottom edge): turn them over.
                y0: y1.max(y0) - (c.bbox.y + c.bbox.height),
                y1: y1.max(y0) - c.bbox.y,
                font: c.font_name,
                size: c.font_size,
            })
            .collect();
        pages.push(GlyphPage {
            width,
            height,
            glyphs,
        });
    }
    Ok(pages)
}

/// A `pdf_oxide` error as one of ours.
fn classify(err: &pdf_oxide::error::Error) -> PdfError {
    let text = err.to_string();
    let lower = text.to_ascii_lowercase();
    if lower.contains("encrypt") || lower.contains("password") || lower.contains("decrypt") {
        PdfError::Encrypted
    } else {
        PdfError::Malformed(first_line(&text))
    }
}

/// The first line of a message, at most 120 characters.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(120).collect()
}
