//! Placing finished text into the buffer, cluster by cluster, at the
//! typesetter's widths.
//!
//! ratatui measures every cluster as `unicode-width` does with East Asian
//! Ambiguous characters narrow. When the terminal draws them wide, the
//! second cell of such a cluster is marked `skip`, so ratatui neither draws
//! over it nor loses track of the cursor.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::typeset::{AmbiguousWidth, display_width};

/// Writes `text` at (`x`, `y`) in `style`, using at most `max_width`
/// columns; a cluster that would not fit whole is left out, as is
/// everything after it. Returns the columns used. Never writes outside the
/// buffer.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_width: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() {
        return 0;
    }
    let limit = x.saturating_add(max_width).min(area.right());
    let mut col = x;
    for cluster in text.graphemes(true) {
        let width = u16::try_from(display_width(cluster, ambiguous)).unwrap_or(u16::MAX);
        if width == 0 {
            continue;
        }
        if col.saturating_add(width) > limit {
            break;
        }
        if let Some(cell) = buf.cell_mut((col, y)) {
            cell.set_symbol(cluster).set_style(style);
        }
        let drawn = u16::try_from(cluster.width()).unwrap_or(width);
        for extra in 1..width {
            if let Some(cell) = buf.cell_mut((col + extra, y)) {
                cell.reset();
                cell.set_style(style);
                if extra >= drawn {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
        col += width;
    }
    col - x
}
