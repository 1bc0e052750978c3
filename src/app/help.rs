//! The help overlay's text laid out for the screen: one line per
//! [`HelpEntry`] (`keys  description`, keys in a column) when that fits the
//! terminal's width, else two lines per entry (the keys, then the
//! description indented). The box is at most as high as the screen; the
//! app scrolls it with the movement keys (see [`HelpView::max_scroll`]).

use super::HelpEntry;
use crate::typeset::{AmbiguousWidth, display_width};

/// The help box's title when every line fits.
pub const TITLE: &str = "Keys";

/// The help box's title when it scrolls (with the movement keys).
pub const TITLE_SCROLLS: &str = "Keys (scroll for more)";

/// The indent of a description under its keys in the two-line layout.
const STACKED_INDENT: &str = "    ";

/// The help overlay laid out for a screen size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    /// All lines, top to bottom.
    pub lines: Vec<String>,
    /// The widest line (or the title), in columns.
    pub width: usize,
    /// How many lines the box shows at once (the screen's height less the
    /// status bar and the borders, at most all lines).
    pub visible: usize,
}

impl HelpView {
    /// Lays out `entries` for a `width`×`height` screen (cells).
    pub fn new(
        entries: &[HelpEntry],
        width: usize,
        height: usize,
        ambiguous: AmbiguousWidth,
    ) -> Self {
        let keys_width = entries
            .iter()
            .map(|e| display_width(&e.keys, ambiguous))
            .max()
            .unwrap_or(0);
        let table: Vec<String> = entries
            .iter()
            .map(|e| {
                let pad = keys_width.saturating_sub(display_width(&e.keys, ambiguous));
                format!("{}{}  {}", e.keys, " ".repeat(pad), e.description)
            })
            .collect();
        let widest = |lines: &[String]| {
            lines
                .iter()
                .map(|l| display_width(l, ambiguous))
                .chain([display_width(TITLE_SCROLLS, ambiguous)])
                .max()
                .unwrap_or(0)
        };
        let inside = width.saturating_sub(2);
        let mut lines = table;
        if widest(&lines) > inside {
            lines = stacked(entries, inside, ambiguous);
        }
        // The box leaves the status bar (the last row) uncovered.
        let visible = lines.len().min(height.saturating_sub(3));
        HelpView {
            width: widest(&lines).min(inside.max(1)),
            lines,
            visible,
        }
    }

    /// The box's title: [`TITLE_SCROLLS`] when not every line fits.
    pub fn title(&self) -> &'static str {
        if self.max_scroll() > 0 {
            TITLE_SCROLLS
        } else {
            TITLE
        }
    }

    /// The largest first line that still fills the box.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.visible)
    }
}

/// The two-line layout for a box `inside` columns wide: each entry's keys,
/// then its description indented under them; a line too long for the box
/// is wrapped (as the reader breaks lines), never cut.
fn stacked(entries: &[HelpEntry], inside: usize, ambiguous: AmbiguousWidth) -> Vec<String> {
    let options = crate::typeset::Options {
        ambiguous,
        justify: false,
    };
    let wrap = |text: &str, width: usize| -> Vec<String> {
        crate::typeset::wrap(text, width.max(1), &options)
            .into_iter()
            .map(|row| row.text)
            .collect()
    };
    let indent = display_width(STACKED_INDENT, ambiguous);
    let mut lines = Vec::new();
    for entry in entries {
        lines.extend(wrap(&entry.keys, inside));
        let described = wrap(entry.description, inside.saturating_sub(indent));
        lines.extend(
            described
                .into_iter()
                .map(|l| format!("{STACKED_INDENT}{l}")),
        );
    }
    lines
}

/// The first key the help `entries` list on the line described as
/// `description`: the key a hint in the UI names (`?` in `? help`), as the
/// live keymap binds it; `None` when no line says so (the action unbound).
pub fn first_key<'a>(entries: &'a [HelpEntry], description: &str) -> Option<&'a str> {
    let entry = entries.iter().find(|e| e.description == description)?;
    entry.keys.split(", ").next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<HelpEntry> {
        vec![
            HelpEntry {
                keys: "j, ↓".into(),
                description: "next item / scroll down a row",
            },
            HelpEntry {
                keys: "q".into(),
                description: "quit",
            },
        ]
    }

    #[test]
    fn wide_screen_gets_a_keys_column() {
        let view = HelpView::new(&entries(), 80, 24, AmbiguousWidth::Narrow);
        // "j, ↓" is 4 columns, so "q" is padded to 4 before the two spaces.
        assert_eq!(
            view.lines,
            ["j, ↓  next item / scroll down a row", "q     quit"]
        );
        assert_eq!((view.visible, view.max_scroll()), (2, 0));
    }

    #[test]
    fn narrow_screen_puts_descriptions_under_their_keys() {
        // The table is 35 columns + 2 borders: too wide for 30.
        let view = HelpView::new(&entries(), 30, 5, AmbiguousWidth::Narrow);
        // 28 columns inside the box: the description wraps under its keys.
        assert_eq!(
            view.lines,
            [
                "j, ↓",
                "    next item / scroll down",
                "    a row",
                "q",
                "    quit"
            ]
        );
        // 5 rows less the status bar and 2 borders: 2 visible, scrolls by 3.
        assert_eq!((view.visible, view.max_scroll()), (2, 3));
    }

    #[test]
    fn a_tiny_screen_wraps_help_lines_instead_of_cutting_them() {
        // 20 columns: 18 inside the box, 14 for a description.
        let view = HelpView::new(&entries(), 20, 6, AmbiguousWidth::Narrow);
        assert_eq!(
            view.lines,
            [
                "j, ↓",
                "    next item /",
                "    scroll down a",
                "    row",
                "q",
                "    quit"
            ]
        );
        assert!(view.width <= 18);
        assert_eq!(view.visible, 3);
    }
}
