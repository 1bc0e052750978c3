//! Copying text to the terminal's clipboard, and the text that `y` and `Y`
//! copy.
//!
//! This module owns two things: turning an article (or one paragraph) into
//! plain text, and wrapping text in the OSC 52 escape sequence that asks the
//! terminal to put it on the system clipboard. OSC 52 travels in-band, so it
//! works over SSH and needs no clipboard library; the terminal decides whether
//! to honour it. Nothing here writes to the terminal: the caller sends the
//! returned string.
//!
//! References: xterm's *Control Sequences* (`OSC 52 ; Pc ; Pd BEL`, "Manipulate
//! Selection Data"), and tmux's passthrough rule (`DCS tmux; … ST`, every ESC
//! inside doubled), which needs `set -g allow-passthrough on` in tmux 3.3+.

use base64::Engine as _;

use crate::edition::Article;

/// The escape character, U+001B.
const ESC: char = '\u{1b}';
/// The bell character, U+0007, which ends the OSC string.
const BEL: char = '\u{7}';

/// The OSC 52 sequence that sets the clipboard (selection `c`) to `text`:
/// `ESC ] 52 ; c ; <base64 of the UTF-8 bytes> BEL`.
///
/// The payload is standard base64 with padding (RFC 4648 §4). An empty
/// `text` gives an empty payload, which most terminals take as "clear the
/// clipboard". Never panics. Terminals may cap the payload size (xterm and
/// tmux allow at least 100 000 bytes); this function does not truncate.
pub fn osc52(text: &str) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("{ESC}]52;c;{payload}{BEL}")
}

/// The OSC 52 sequence for `text`, wrapped for tmux when `tmux` (the value
/// of `$TMUX`, passed in by the caller) is set and non-empty.
///
/// Inside tmux the sequence goes in a DCS passthrough:
/// `ESC P tmux; <sequence with every ESC doubled> ESC \`. Without tmux this
/// is [`osc52`]. Never panics.
pub fn osc52_for(text: &str, tmux: Option<&std::ffi::OsStr>) -> String {
    let sequence = osc52(text);
    match tmux {
        Some(value) if !value.is_empty() => tmux_passthrough(&sequence),
        _ => sequence,
    }
}

/// Wraps an escape `sequence` in tmux's DCS passthrough.
fn tmux_passthrough(sequence: &str) -> String {
    let doubled = sequence.replace(ESC, "\u{1b}\u{1b}");
    format!("{ESC}Ptmux;{doubled}{ESC}\\")
}

/// The whole article as plain text, for `Y`.
///
/// Layout: the headline lines (kicker, title, subtitle) one per line; a
/// blank line; the dateline on its own line, only when the first paragraph
/// does not already begin with it (the parser leaves it there, as printed);
/// the paragraphs separated by blank lines; and the byline as printed,
/// `（name）`, on a line of its own. Captions are not included. Parts that
/// are missing are left out with their blank line, so an article with no
/// headline starts with its first paragraph. No trailing newline.
pub fn article_as_text(article: &Article) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let headline: Vec<&str> = article.headline.lines().collect();
    if !headline.is_empty() {
        blocks.push(headline.join("\n"));
    }
    if let Some(dateline) = article.dateline.as_deref().filter(|d| !d.is_empty()) {
        let first = article.paragraphs.first().map(String::as_str).unwrap_or("");
        if !first.starts_with(dateline) {
            blocks.push(dateline.to_owned());
        }
    }
    blocks.extend(article.paragraphs.iter().filter(|p| !p.is_empty()).cloned());
    if let Some(byline) = article.byline.as_deref().filter(|b| !b.is_empty()) {
        blocks.push(format!("（{byline}）"));
    }
    blocks.join("\n\n")
}

/// The text of paragraph `index` of `article`, for `y`, or `None` when the
/// article has no such paragraph. `index` is an index into
/// [`Article::paragraphs`] (as in [`crate::edition::Anchor::paragraph`]).
pub fn paragraph_as_text(article: &Article, index: usize) -> Option<&str> {
    article.paragraphs.get(index).map(String::as_str)
}
