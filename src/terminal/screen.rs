//! [`Screen`]: what the terminal shows, and the bytes that take it from one
//! frame to the next. Pure: it renders into memory and returns the bytes;
//! the event loop writes them.
//!
//! It stands where `ratatui::Terminal` would, for speed on a keypress (issue
//! 7). Widgets still render into a ratatui [`Buffer`]; what differs is the
//! step after, comparing the new frame with the one on screen and writing
//! the changed cells:
//!
//! - **Comparison.** ratatui's `Buffer::diff` measures the display width of
//!   every cell, changed or not, with the general `unicode-width` lookup.
//!   Here a cell is first compared field by field, and only a cell that
//!   needs it is measured, with the typesetter's width
//!   (`typeset::cluster_width`): one byte is one column, a CJK
//!   ideograph two. A full 200×60 frame compares in a fraction of the time.
//! - **Writing.** ratatui's crossterm backend formats every symbol through
//!   `fmt::Write` and moves the cursor before every cell after a wide
//!   character. Here symbols are copied as bytes, and the cursor moves only
//!   where a run of changed cells breaks: after a wide character (UAX #11
//!   width 2) the terminal's cursor already stands two columns on. Styles
//!   and cursor moves are crossterm's commands, written once per run.
//! - **Cells terminals disagree on.** After a cell of several `char`s
//!   (`⚠️`, `❤️`, `🇯🇵`, `e` with a combining accent) or a wide one outside
//!   the blocks that have always been wide (an emoji), the cursor is moved
//!   again before the next cell, and a wide one's cells are blanked before
//!   it is drawn: a terminal that draws it narrower (tmux 3.3a draws `⚠️`
//!   one column wide) then shows a blank after it rather than shifting the
//!   rest of the row.
//! - **Memory.** What the terminal shows is kept as packed cells (20 bytes
//!   against the 48 of a ratatui `Cell`), not as a second buffer, and the
//!   frame buffer's rows are emptied as the comparison leaves them, while
//!   they are in cache, instead of in a pass of their own before the next
//!   render.
//! - **Size.** The size is told ([`Screen::resize`], from the terminal's
//!   resize events), not asked of the terminal on every frame.
//! - **Nothing to do.** A frame that changes no cell and leaves the cursor
//!   as it was writes no byte.
//!
//! Wide characters are kept whole: the cells a wide character covers are
//! never written over it, and when a write overwrites part of a wide
//! character on screen (a narrower character in its first cell, or a wide
//! one over its first cell from the left), terminals erase the rest of it
//! in the current colours, so those cells are written again, whatever they
//! hold. A test feeds random frames to a terminal emulator (`vt100`) and
//! checks it shows each frame exactly. Cells marked
//! [`CellDiffOption::Skip`] are never written (the second cell of an East
//! Asian Ambiguous character that the terminal draws wide: see
//! [`crate::ui::text::put`]).

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CtColor, SetAttribute, SetBackgroundColor, SetForegroundColor,
    SetUnderlineColor,
};
use crossterm::terminal::{Clear, ClearType};
use ratatui::backend::IntoCrossterm as _;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

use rustc_hash::FxHashMap;

use crate::typeset::{AmbiguousWidth, cluster_width};

/// The terminal's screen as the reader last drew it, and the frame being
/// drawn. See the module doc.
#[derive(Debug)]
pub struct Screen {
    /// The frame being drawn. Empty before each render: each row is reset
    /// as soon as the diff is done with it, while it is still in cache.
    next: Buffer,
    /// What the terminal shows, one packed cell per screen cell, row after
    /// row.
    shown: Vec<Shown>,
    /// The symbols of the shown cells that are not one `char` (a cluster
    /// with a combining mark, an emoji sequence, an empty symbol), by cell
    /// index. Rare.
    clusters: FxHashMap<usize, String>,
    /// The bytes of the last frame, kept to reuse their allocation.
    bytes: Vec<u8>,
    /// Whether the next frame clears the terminal and draws every cell.
    repaint: bool,
    /// Where the last frame left the terminal's cursor (`Some(None)`:
    /// hidden); `None` before the first frame.
    cursor: Option<Option<Position>>,
}

/// One cell as the terminal shows it, packed: 20 bytes against the 48 of
/// a ratatui `Cell`, so comparing a frame with the screen reads about
/// half the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    /// The symbol: one `char`'s scalar value, or [`CLUSTER`] (the symbol is
    /// in [`Screen::clusters`]), or [`UNKNOWN`].
    symbol: u32,
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// The columns the symbol takes.
    columns: u8,
}

/// [`Shown::symbol`] of a cell whose symbol is not one `char` (above every
/// Unicode scalar value).
const CLUSTER: u32 = 0x11_0000;

/// [`Shown::symbol`] of a cell whose contents the screen does not know: the
/// covered half of a wide character, or a cell never written because it was
/// marked skip. Never equal to a frame's cell, so the next frame that has
/// something else there writes it.
const UNKNOWN: u32 = 0x11_0001;

/// A blank cell in the default style: what a cleared terminal shows.
const BLANK: Shown = Shown {
    symbol: ' ' as u32,
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
    columns: 1,
};

/// [`Shown::symbol`] for a frame cell's symbol.
#[inline]
fn symbol_key(symbol: &str) -> u32 {
    if let [byte] = symbol.as_bytes() {
        return u32::from(*byte);
    }
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => u32::from(c),
        _ => CLUSTER,
    }
}

impl Screen {
    /// A screen of `size` (columns × rows). Its first frame clears the
    /// terminal and draws everything.
    pub fn new(size: Size) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        Screen {
            next: Buffer::empty(area),
            shown: vec![BLANK; area.area() as usize],
            clusters: FxHashMap::default(),
            bytes: Vec::with_capacity(64 * 1024),
            repaint: true,
            cursor: None,
        }
    }

    /// The screen's size in columns × rows.
    pub fn size(&self) -> Size {
        self.next.area.as_size()
    }

    /// The terminal now has `size`: the next frame clears it and draws
    /// every cell (what a terminal keeps of its old contents on a resize
    /// differs from one terminal to another).
    pub fn resize(&mut self, size: Size) {
        *self = Screen {
            bytes: std::mem::take(&mut self.bytes),
            ..Screen::new(size)
        };
    }

    /// Makes the next frame clear the terminal and draw every cell, as
    /// after something else wrote to it.
    pub fn repaint(&mut self) {
        self.repaint = true;
    }

    /// Draws one frame: `render` draws it into an empty buffer of the
    /// screen's area and returns where the terminal cursor goes (`None`:
    /// hidden). Returns the bytes that bring the terminal from the shown
    /// frame to this one: the changed cells and the style reset to the
    /// default, then the cursor (hidden with `ESC[?25l`, or moved and
    /// shown) when cells were written or the cursor changed. A frame that
    /// changes nothing gives no bytes. The frame is then what the screen
    /// shows.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer) -> Option<Position>) -> &[u8] {
        let cursor = render(&mut self.next);
        self.bytes.clear();
        // Writing into a `Vec` cannot fail.
        let out = &mut self.bytes;
        if self.repaint {
            self.shown.fill(BLANK);
            self.clusters.clear();
            let _ = queue!(out, SetAttribute(Attribute::Reset), Clear(ClearType::All));
            self.repaint = false;
        }
        let width = usize::from(self.next.area.width);
        write_changes(
            &mut self.next.content,
            &mut self.shown,
            &mut self.clusters,
            width,
            out,
        );
        let wrote = !out.is_empty();
        if wrote {
            let _ = queue!(
                out,
                SetForegroundColor(CtColor::Reset),
                SetBackgroundColor(CtColor::Reset),
                SetUnderlineColor(CtColor::Reset),
                SetAttribute(Attribute::Reset),
            );
        }
        // Writing cells moved the terminal's cursor: put it back.
        if wrote || self.cursor != Some(cursor) {
            let _ = match cursor {
                None => queue!(out, Hide),
                Some(at) => queue!(out, MoveTo(at.x, at.y), Show),
            };
            self.cursor = Some(cursor);
        }
        &self.bytes
    }
}

/// Whether the diff never writes `cell` (the covered half of a character
/// the terminal draws wide, or a cell a widget asked to be left alone).
#[allow(deprecated)] // `Cell::skip`, still honoured by ratatui's own diff.
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// The columns `cell`'s symbol takes on the terminal: its display width
/// (UAX #11, East Asian Ambiguous narrow, as ratatui's own buffer measures;
/// a wide Ambiguous character's second cell is a skip cell instead).
#[inline]
fn width_of(symbol: &str) -> usize {
    if symbol.len() == 1 {
        1
    } else {
        cluster_width(symbol, AmbiguousWidth::Narrow)
    }
}

/// True when every terminal moves its cursor `columns` on after drawing
/// `symbol`: one `char` one column wide, or one `char` of the blocks that
/// have been East Asian Wide or Fullwidth since Unicode 3 (Markus Kuhn's
/// `wcwidth`: Hangul Jamo, CJK, Hangul syllables, full-width forms).
/// Everything else (a cluster of several `char`s such as `⚠️`, `❤️` or
/// `🇯🇵`, an emoji made wide only in Unicode 9) some terminals draw
/// narrower: tmux 3.3a draws `⚠️` one column wide.
#[inline]
fn is_settled(symbol: &str, columns: usize) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    match columns {
        1 => true,
        2 => matches!(c,
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{20000}'..='\u{2FFFD}'
            | '\u{30000}'..='\u{3FFFD}'),
        _ => false,
    }
}

/// Marks shown cell `index` as [`UNKNOWN`].
fn forget(cell: &mut Shown, index: usize, clusters: &mut FxHashMap<usize, String>) {
    if cell.symbol == CLUSTER {
        clusters.remove(&index);
    }
    *cell = Shown {
        symbol: UNKNOWN,
        columns: 1,
        ..BLANK
    };
}

/// Appends to `out` what brings a terminal showing `shown` to the frame in
/// `next` (`width` cells a row): each changed cell, in runs, with the style
/// and cursor moves they need. Updates `shown` (and `clusters`) to the
/// frame, and resets `next` to empty cells for the next render. The
/// terminal's style is the default at the start and may be anything at the
/// end.
fn write_changes(
    next: &mut [Cell],
    shown: &mut [Shown],
    clusters: &mut FxHashMap<usize, String>,
    width: usize,
    out: &mut Vec<u8>,
) {
    if width == 0 {
        return;
    }
    let mut writer = Writer {
        clusters,
        out,
        pen: Pen::default(),
        cursor: None,
    };
    for (y, (new_row, old_row)) in next
        .chunks_exact_mut(width)
        .zip(shown.chunks_exact_mut(width))
        .enumerate()
    {
        writer.row(y, new_row, old_row);
        // Done with this row of the frame: empty it for the next render
        // while it is still in cache.
        for cell in new_row {
            cell.reset();
        }
    }
}

/// What [`write_changes`] carries from cell to cell: the bytes so far, the
/// terminal's style and where its cursor stands (when known), and the
/// shown multi-code-point clusters.
struct Writer<'a> {
    clusters: &'a mut FxHashMap<usize, String>,
    out: &'a mut Vec<u8>,
    pen: Pen,
    cursor: Option<(usize, usize)>,
}

impl Writer<'_> {
    /// Writes the changed cells of row `y` (`new_row` over `old_row`).
    fn row(&mut self, y: usize, new_row: &[Cell], old_row: &mut [Shown]) {
        let width = new_row.len();
        let row_start = y * width;
        // Cells before this column are covered by the wide character
        // before them: not compared, not written.
        let mut covered_until = 0;
        // Cells before this column are written even if unchanged: they
        // belonged to a wide character that was partly overwritten.
        let mut rewrite_until = 0;
        // Every cell is visited, covered or not, so the next cell's address
        // does not depend on this one's width (a covered cell is skipped
        // by the check below).
        for x in 0..width {
            if x < covered_until {
                continue;
            }
            let cell = &new_row[x];
            if is_skip(cell) {
                forget(&mut old_row[x], row_start + x, self.clusters);
                continue;
            }
            // A symbol set other than through `ui::text::put` could hold a
            // control character: never written (see `crate::sanitize`).
            let symbol = match cell.symbol() {
                s if crate::sanitize::has_controls(s) => "\u{FFFD}",
                s => s,
            };
            let old = old_row[x];
            if x >= rewrite_until && self.unchanged(&old, cell, symbol, row_start + x) {
                // An unchanged wide character still covers its next cells.
                covered_until = x + usize::from(old.columns);
                continue;
            }
            let (end, rewrite) = self.cell((x, y), cell, symbol, old_row, row_start);
            rewrite_until = rewrite_until.max(rewrite);
            covered_until = end;
        }
    }

    /// Whether `cell`, showing `symbol`, shows as `old` does (shown cell
    /// `index`).
    fn unchanged(&self, old: &Shown, cell: &Cell, symbol: &str, index: usize) -> bool {
        let key = symbol_key(symbol);
        old.symbol == key
            && old.fg == cell.fg
            && old.bg == cell.bg
            && old.modifier == cell.modifier
            && old.underline == cell.underline_color
            && (key != CLUSTER || self.clusters.get(&index).map(String::as_str) == Some(symbol))
    }

    /// Writes `cell`, showing `symbol`, at (`x`, `y`) of the row `old_row`
    /// (whose first cell is shown cell `row_start`) and records it as shown.
    /// Returns the column after it, and the column up to which the row's
    /// cells must be written again because this one overwrote part of a
    /// wider character.
    fn cell(
        &mut self,
        (x, y): (usize, usize),
        cell: &Cell,
        symbol: &str,
        old_row: &mut [Shown],
        row_start: usize,
    ) -> (usize, usize) {
        let key = symbol_key(symbol);
        let columns = width_of(symbol);
        let settled = is_settled(symbol, columns);
        let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let here = MoveTo(at(x), at(y));
        if self.cursor != Some((x, y)) {
            let _ = queue!(self.out, here);
        }
        self.pen.apply(self.out, cell);
        if !settled && columns > 1 {
            // Blank the cells it covers first, so a terminal that draws it
            // narrower shows blanks after it, not stale cells.
            self.out.extend(std::iter::repeat_n(b' ', columns));
            let _ = queue!(self.out, here);
        }
        self.out.extend_from_slice(symbol.as_bytes());
        // After a zero-width symbol, or one terminals disagree on the width
        // of, the cursor's column is unknown: move explicitly before the
        // next cell.
        self.cursor = (columns > 0 && settled).then_some((x + columns, y));
        // The terminal erases the rest of every character this one
        // overwrote part of: a wider one that stood here, or one starting
        // under this one's second half. Those cells are written again.
        let end = (x + columns.max(1)).min(old_row.len());
        let rewrite = (x..end)
            .map(|at| at + usize::from(old_row[at].columns))
            .max()
            .unwrap_or(0);
        if old_row[x].symbol == CLUSTER {
            self.clusters.remove(&(row_start + x));
        }
        if key == CLUSTER {
            self.clusters.insert(row_start + x, symbol.to_owned());
        }
        old_row[x] = Shown {
            symbol: key,
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
            columns: u8::try_from(columns).unwrap_or(u8::MAX),
        };
        for (at, covered) in old_row.iter_mut().enumerate().take(end).skip(x + 1) {
            forget(covered, row_start + at, self.clusters);
        }
        (end, rewrite)
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

/// The terminal's style while drawing; starts at the default.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Pen {
    fn default() -> Self {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Pen {
    /// Brings the terminal's style to `cell`'s. A change of modifiers
    /// resets all attributes (SGR 0, which also resets the colours) and sets
    /// the new ones, then the colours again.
    fn apply(&mut self, out: &mut Vec<u8>, cell: &Cell) {
        if cell.modifier != self.modifier {
            let _ = queue!(out, SetAttribute(Attribute::Reset));
            for (modifier, attribute) in ATTRIBUTES {
                if cell.modifier.contains(modifier) {
                    let _ = queue!(out, SetAttribute(attribute));
                }
            }
            *self = Pen {
                modifier: cell.modifier,
                ..Pen::default()
            };
        }
        if cell.fg != self.fg {
            let _ = queue!(out, SetForegroundColor(cell.fg.into_crossterm()));
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            let _ = queue!(out, SetBackgroundColor(cell.bg.into_crossterm()));
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            let _ = queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            );
            self.underline = cell.underline_color;
        }
    }
}

#[cfg(test)]
mod tests;
