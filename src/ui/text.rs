//! Placing finished text into the buffer, cluster by cluster, at the
//! typesetter's widths.
//!
//! ratatui measures every cluster as `unicode-width` does with East Asian
//! Ambiguous characters narrow. When the terminal draws them wide, the
//! second cell of such a cluster is marked `skip`, so ratatui neither draws
//! over it nor loses track of the cursor.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::typeset::{AmbiguousWidth, cluster_width, grapheme_indices};

/// Writes `text` at (`x`, `y`) in `style`, using at most `max_width`
/// columns; a cluster that would not fit whole is left out, as is
/// everything after it. Control characters are shown as
/// [`crate::sanitize::line`] shows them. Returns the columns used. Never writes outside the
/// buffer.
///
/// Clusters are the typesetter's (UAX #29, with its fast path for CJK and
/// Latin text), measured as the typesetter measures them, so a row set at
/// a width fills exactly that many columns.
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
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return 0;
    }
    let limit = usize::from(x.saturating_add(max_width).min(area.right()) - x);
    // The row's cells from `x` to the right edge.
    let start = buf.index_of(x, y);
    let end = start + usize::from(area.right() - x);
    let Some(cells) = buf.content.get_mut(start..end) else {
        return 0;
    };
    // The one sink for the UI's text: a control character in it (a file
    // name's, a stored note's) is shown, never written.
    let text = crate::sanitize::line(text);
    let mut col = 0;
    for (_, cluster) in grapheme_indices(&text) {
        let width = cluster_width(cluster, ambiguous);
        if width == 0 {
            continue;
        }
        if col + width > limit {
            break;
        }
        cells[col].set_symbol(cluster).set_style(style);
        if width > 1 {
            // Columns ratatui itself counts for the cluster (East Asian
            // Ambiguous narrow); any beyond are the terminal's extra.
            let drawn = match ambiguous {
                AmbiguousWidth::Narrow => width,
                AmbiguousWidth::Wide => cluster.width(),
            };
            for (extra, cell) in cells[col + 1..col + width].iter_mut().enumerate() {
                cell.reset();
                cell.set_style(style);
                if extra + 1 >= drawn {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
        col += width;
    }
    u16::try_from(col).unwrap_or(u16::MAX)
}
