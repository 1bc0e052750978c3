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
        let mut lines = table;
        if widest(&lines) + 2 > width {
            lines = entries
                .iter()
                .flat_map(|e| [e.keys.clone(), format!("{STACKED_INDENT}{}", e.description)])
                .collect();
        }
        // The box leaves the status bar (the last row) uncovered.
        let visible = lines.len().min(height.saturating_sub(3));
        HelpView {
            width: widest(&lines),
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
        assert_eq!(
            view.lines,
            ["j, ↓", "    next item / scroll down a row", "q", "    quit"]
        );
        // 5 rows less the status bar and 2 borders: 2 visible, scrolls by 2.
        assert_eq!((view.visible, view.max_scroll()), (2, 2));
    }
}
