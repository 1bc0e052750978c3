//! English OCR pages (placeholder: detection only).

use super::Draft;

/// True when `text` is mostly Latin script.
pub(crate) fn is_english(_text: &str) -> bool {
    false
}

/// Prepares one English page; returns the text and the count of dropped chars.
pub(crate) fn prepare(page: &str) -> (String, usize) {
    (page.to_owned(), 0)
}

/// Fixes up English drafts; returns dropped chars.
pub(crate) fn fix_drafts(_drafts: &mut [Draft]) -> usize {
    0
}

/// An English wire dateline at the start of a paragraph.
pub(crate) fn dateline(_p: &str) -> Option<String> {
    None
}
