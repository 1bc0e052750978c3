//! [`RunBackend`]: ratatui's crossterm backend with a `draw` that knows
//! wide characters.
//!
//! ratatui's `CrosstermBackend::draw` moves the cursor (`ESC[y;xH`, about
//! 8 bytes) before every cell that is not one column right of the last one.
//! After a wide (2-column) character the next changed cell is two columns
//! on, so CJK text gets a cursor move before every character: a 200×60
//! page of Chinese was 23 KB, over 2 000 moves. The terminal's cursor
//! already stands there after printing the wide character (UAX #11 width 2),
//! so this `draw` tracks the cursor by each symbol's display width and moves
//! it only where a changed run really breaks. Everything else is delegated.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CtColor, Print, SetAttribute, SetBackgroundColor, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// A crossterm backend whose `draw` writes runs of changed cells with
/// wide characters without a cursor move per character (see the module
/// doc). Output is otherwise what `CrosstermBackend` writes.
#[derive(Debug)]
pub struct RunBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> RunBackend<W> {
    /// A backend writing to `writer`.
    pub fn new(writer: W) -> Self {
        RunBackend {
            inner: CrosstermBackend::new(writer),
        }
    }
}

/// Bytes written straight to the terminal (e.g. an OSC 52 clipboard
/// sequence), as `CrosstermBackend` allows.
impl<W: Write> Write for RunBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// The SGR attributes of each modifier, in crossterm's terms.
const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// The style state of the terminal while drawing.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    /// Brings the terminal's style to `cell`'s. A change of modifiers
    /// resets all attributes (SGR 0, which also resets the colours) and sets
    /// the new ones, then the colours again.
    fn apply<W: Write>(&mut self, out: &mut W, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            queue!(out, SetAttribute(Attribute::Reset))?;
            for (modifier, attribute) in ATTRIBUTES {
                if cell.modifier.contains(modifier) {
                    queue!(out, SetAttribute(attribute))?;
                }
            }
            self.modifier = cell.modifier;
            self.fg = Color::Reset;
            self.bg = Color::Reset;
            self.underline = Color::Reset;
        }
        if cell.fg != self.fg {
            queue!(out, SetForegroundColor(cell.fg.into_crossterm()))?;
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            queue!(out, SetBackgroundColor(cell.bg.into_crossterm()))?;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

impl<W: Write> Backend for RunBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // `CrosstermBackend` is itself a `Write` onto its writer.
        let out = &mut self.inner;
        // As in `CrosstermBackend`, each draw starts from the default style,
        // which the previous draw restored at its end.
        let mut pen = Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        };
        // Where the terminal's cursor stands after the last symbol printed.
        let mut cursor: Option<Position> = None;
        for (x, y, cell) in content {
            if cursor != Some(Position { x, y }) {
                queue!(out, MoveTo(x, y))?;
            }
            pen.apply(out, cell)?;
            let symbol = cell.symbol();
            queue!(out, Print(symbol))?;
            // A zero-width symbol leaves the cursor's column unknown to us:
            // move explicitly before the next cell.
            let width = u16::try_from(symbol.width()).unwrap_or(0);
            cursor = (width > 0).then(|| Position {
                x: x.saturating_add(width),
                y,
            });
        }
        queue!(
            out,
            SetForegroundColor(CtColor::Reset),
            SetBackgroundColor(CtColor::Reset),
            SetUnderlineColor(CtColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    /// What drawing `buffer` over an empty screen writes.
    fn drawn(buffer: &Buffer) -> String {
        let mut out = Vec::new();
        {
            let mut backend = RunBackend::new(&mut out);
            let empty = Buffer::empty(buffer.area);
            backend.draw(empty.diff(buffer).into_iter()).unwrap();
            Write::flush(&mut backend.inner).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn wide_characters_in_a_row_need_one_cursor_move() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        buffer.set_string(2, 0, "新闻报", ratatui::style::Style::default());
        // One move to column 3 (1-based), then the three characters, each
        // advancing the cursor by two columns.
        assert_eq!(
            drawn(&buffer),
            "\x1b[1;3H新闻报\x1b[39m\x1b[49m\x1b[59m\x1b[0m"
        );
    }

    #[test]
    fn a_gap_in_the_changed_cells_moves_the_cursor() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 2));
        buffer.set_string(0, 0, "报", ratatui::style::Style::default());
        buffer.set_string(5, 0, "a", ratatui::style::Style::default());
        buffer.set_string(0, 1, "b", ratatui::style::Style::default());
        assert_eq!(
            drawn(&buffer),
            "\x1b[1;1H报\x1b[1;6Ha\x1b[2;1Hb\x1b[39m\x1b[49m\x1b[59m\x1b[0m"
        );
    }

    #[test]
    fn a_modifier_change_resets_then_sets_attributes_and_colours() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        let bold_cyan = ratatui::style::Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD);
        buffer.set_string(0, 0, "ab", bold_cyan);
        // SGR 1 for bold, then crossterm's dark cyan (ANSI value 6).
        assert_eq!(
            drawn(&buffer),
            "\x1b[1;1H\x1b[0m\x1b[1m\x1b[38;5;6mab\x1b[39m\x1b[49m\x1b[59m\x1b[0m"
        );
    }
}
