//! A one-line text editor for prompts at the bottom of the screen (the
//! bookmark note; meant to serve the search prompt too).
//!
//! It knows no terminal: keys arrive as [`Edit`]s (see
//! `keymap::edit_of`, which shares the search prompt's keys). The cursor is always at the end of the text, so an
//! edit either appends or takes away from the end. Backspace removes a whole
//! extended grapheme cluster (UAX #29), so `é` written as `e` + U+0301, an
//! emoji with modifiers or a flag goes in one press. CJK text typed through
//! an input method arrives as ordinary chars and is kept as typed.

use unicode_segmentation::UnicodeSegmentation;

/// The largest text a prompt keeps, in bytes; further input is ignored, so a
/// runaway paste cannot grow the line without bound.
pub const MAX_BYTES: usize = 4096;

/// One editing command for a [`LineInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Append this char (control chars are ignored).
    Insert(char),
    /// Remove the last grapheme cluster.
    Backspace,
    /// Remove everything.
    Clear,
    /// Accept the text (Enter).
    Submit,
    /// Leave without accepting (Esc).
    Cancel,
}

/// What an [`Edit`] did to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Still editing.
    Editing,
    /// The user accepted this text.
    Submitted(String),
    /// The user cancelled.
    Cancelled,
}

/// A one-line text buffer with the cursor at its end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
}

impl LineInput {
    /// A line holding `text` (e.g. the note being renamed), cursor at its
    /// end. Line breaks in `text` are folded to spaces.
    pub fn with_text(text: &str) -> Self {
        let mut input = LineInput::default();
        for c in text.chars() {
            input.insert(c);
        }
        input
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Applies `edit`.
    pub fn apply(&mut self, edit: Edit) -> Outcome {
        match edit {
            Edit::Insert(c) => self.insert(c),
            Edit::Backspace => self.backspace(),
            Edit::Clear => self.text.clear(),
            Edit::Submit => return Outcome::Submitted(self.text.clone()),
            Edit::Cancel => return Outcome::Cancelled,
        }
        Outcome::Editing
    }

    fn insert(&mut self, c: char) {
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        if c.is_control() || self.text.len() + c.len_utf8() > MAX_BYTES {
            return;
        }
        self.text.push(c);
    }

    fn backspace(&mut self) {
        if let Some((start, _)) = self.text.grapheme_indices(true).next_back() {
            self.text.truncate(start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::default();
        for c in text.chars() {
            input.apply(Edit::Insert(c));
        }
        input
    }

    #[test]
    fn backspace_removes_a_whole_combining_sequence() {
        // "e" + U+0301 COMBINING ACUTE ACCENT is one grapheme cluster.
        let mut input = typed("cafe\u{301}");
        input.apply(Edit::Backspace);
        assert_eq!(input.text(), "caf");
    }

    #[test]
    fn backspace_removes_one_cjk_char_and_a_whole_emoji_sequence() {
        let mut input = typed("先读👍🏽");
        input.apply(Edit::Backspace);
        assert_eq!(input.text(), "先读");
        input.apply(Edit::Backspace);
        assert_eq!(input.text(), "先");
    }

    #[test]
    fn backspace_on_empty_line_does_nothing() {
        let mut input = LineInput::default();
        assert_eq!(input.apply(Edit::Backspace), Outcome::Editing);
        assert_eq!(input.text(), "");
    }

    #[test]
    fn enter_submits_and_esc_cancels() {
        let mut input = LineInput::with_text("旧注");
        input.apply(Edit::Insert('释'));
        assert_eq!(
            input.apply(Edit::Submit),
            Outcome::Submitted("旧注释".to_owned())
        );
        assert_eq!(input.apply(Edit::Cancel), Outcome::Cancelled);
    }

    #[test]
    fn control_chars_are_ignored_and_line_breaks_become_spaces() {
        let input = LineInput::with_text("a\nb\u{7}c");
        assert_eq!(input.text(), "a bc");
    }

    #[test]
    fn input_stops_at_the_size_limit() {
        let mut input = LineInput::default();
        for _ in 0..MAX_BYTES {
            input.apply(Edit::Insert('字'));
        }
        assert!(input.text().len() <= MAX_BYTES);
        assert_eq!(input.text().len() % 3, 0, "no char cut in half");
    }
}
