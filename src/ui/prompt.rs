//! The one-line prompt drawn in place of the status bar while text is typed
//! (the bookmark note): a label, then the end of the typed text — as much
//! as fits, measured in display columns (CJK wide, East Asian Ambiguous per
//! the setting) — then the cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;

use super::text;
use crate::typeset::{AmbiguousWidth, display_width};

/// The label of the bookmark note prompt.
pub const NOTE_LABEL: &str = " note: ";

/// The hint at the right end of the prompt, when there is room for it.
pub const HINT: &str = "Enter saves · Esc cancels ";

/// The end of `typed` that fits in `width` columns, whole grapheme clusters
/// only (UAX #29).
pub fn visible_tail(typed: &str, width: usize, ambiguous: AmbiguousWidth) -> &str {
    let mut used = 0;
    let mut start = typed.len();
    for (at, cluster) in typed.grapheme_indices(true).rev() {
        used += display_width(cluster, ambiguous);
        if used > width {
            break;
        }
        start = at;
    }
    &typed[start..]
}

/// Where the prompt's cursor goes: the column after the visible text.
pub fn cursor(label: &str, typed: &str, ambiguous: AmbiguousWidth, area: Rect) -> Position {
    let (shown, label_width) = layout(label, typed, ambiguous, area);
    let column = label_width + display_width(shown, ambiguous);
    let x = area.x + u16::try_from(column).unwrap_or(0);
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
}

/// Draws `label` and the end of `typed` into the one-row `area`.
pub fn render(label: &str, typed: &str, ambiguous: AmbiguousWidth, area: Rect, buf: &mut Buffer) {
    let style = Style::default().add_modifier(Modifier::REVERSED);
    buf.set_style(area, style);
    let (shown, label_width) = layout(label, typed, ambiguous, area);
    let label_cols = u16::try_from(label_width).unwrap_or(0);
    text::put(buf, area.x, area.y, area.width, label, style, ambiguous);
    let x = area.x + label_cols;
    let used = text::put(
        buf,
        x,
        area.y,
        area.right().saturating_sub(x),
        shown,
        Style::default(),
        ambiguous,
    );
    let hint_width = display_width(HINT, ambiguous);
    let free = usize::from(area.width).saturating_sub(label_width + usize::from(used) + 2);
    if free >= hint_width {
        let hint_x = area.right() - u16::try_from(hint_width).unwrap_or(0);
        text::put(
            buf,
            hint_x,
            area.y,
            area.right() - hint_x,
            HINT,
            style,
            ambiguous,
        );
    }
}

/// The visible part of `typed` and the label's width, leaving one column
/// for the cursor.
fn layout<'a>(
    label: &str,
    typed: &'a str,
    ambiguous: AmbiguousWidth,
    area: Rect,
) -> (&'a str, usize) {
    let width = usize::from(area.width);
    let label_width = display_width(label, ambiguous).min(width);
    let room = width.saturating_sub(label_width + 1);
    (visible_tail(typed, room, ambiguous), label_width)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn visible_tail_keeps_whole_wide_chars_from_the_end() {
        // 先读这篇: four wide chars, 8 columns; 5 columns hold the last two.
        assert_eq!(visible_tail("先读这篇", 5, AmbiguousWidth::Narrow), "这篇");
        assert_eq!(
            visible_tail("先读这篇", 8, AmbiguousWidth::Narrow),
            "先读这篇"
        );
        assert_eq!(visible_tail("ab", 0, AmbiguousWidth::Narrow), "");
    }

    #[test]
    fn prompt_draws_label_text_and_puts_the_cursor_after_the_wide_text() {
        let area = Rect::new(0, 0, 20, 1);
        let mut buf = Buffer::empty(area);
        render(NOTE_LABEL, "先读", AmbiguousWidth::Narrow, area, &mut buf);
        // " note: " is 7 columns, then 先 and 读 at columns 7 and 9.
        assert_eq!(buf[(7, 0)].symbol(), "先");
        assert_eq!(buf[(9, 0)].symbol(), "读");
        let at = cursor(NOTE_LABEL, "先读", AmbiguousWidth::Narrow, area);
        assert_eq!(at, Position::new(11, 0));
    }

    #[test]
    fn long_text_scrolls_so_the_cursor_stays_on_screen() {
        let area = Rect::new(0, 0, 12, 1);
        let typed = "一二三四五六七八";
        let at = cursor(NOTE_LABEL, typed, AmbiguousWidth::Narrow, area);
        // 12 - 7 (label) - 1 (cursor) = 4 columns: the last two chars.
        assert_eq!(at, Position::new(11, 0));
        let mut buf = Buffer::empty(area);
        render(NOTE_LABEL, typed, AmbiguousWidth::Narrow, area, &mut buf);
        assert_eq!(buf[(7, 0)].symbol(), "七");
        assert_eq!(buf[(9, 0)].symbol(), "八");
    }
}
