//! The status bar: `article i/N`, `loading…` while a large edition is
//! parsed, the page, the percentage of the article read, `match i/N`
//! during a search, `edition i/N` in a library, the transient message
//! (store warnings, "bookmark added") and `? help`; and
//! the search prompt, which takes its row while open. On a narrow bar the
//! fields that do not fit are dropped whole, least important first
//! ([`layout`]); `? help` stays.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::{prompt, text, theme::Theme};
use crate::app::App;
use crate::typeset::{AmbiguousWidth, display_width, truncate_with_ellipsis};

/// The hint at the right end of the status bar: the help key as bound
/// (`? help `), or nothing when no key opens the help.
pub fn help_hint(app: &App) -> String {
    app.hint_key(crate::app::Action::Help)
        .map(|key| format!("{key} help "))
        .unwrap_or_default()
}

/// The prompt's lead-in.
pub const PROMPT: &str = "/";

/// One field of the status bar's left part, with its rank: fields that do
/// not fit are dropped whole, highest rank number first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The field's text (`article 2/4`, `第1版 要闻`, `Top`).
    pub text: String,
    /// 0 for the most important field; see [`fields`].
    pub rank: u8,
    /// Cut with `…` rather than dropped when it does not fit (the message).
    pub cut: bool,
}

/// The status bar's fields in the order shown, with their ranks: `article
/// 2/4` (1; `reading…` while an edition comes down a pipe, else `no
/// articles` when there are none), `loading… 10.0 MB` while the whole edition is still being
/// parsed (3), the page (`第1版 要闻`, 6: the headline list shows it too),
/// the place in the article (`Top`, `Bot`, `All`, `37%`, see
/// [`crate::app::Place`]; 4), `match 3/17` during a search (0: what a
/// search waits for, kept on the narrowest screen), `edition 2/3` in a
/// library (5), then the transient message (2, cut rather than dropped: it
/// answers what the reader just did).
pub fn fields(app: &App) -> Vec<Field> {
    let field = |text: String, rank| Field {
        text,
        rank,
        cut: false,
    };
    let count = app.list_titles().len();
    let mut fields = Vec::new();
    if count == 0 {
        // An edition still coming down a pipe has no articles yet.
        let empty = app.loading().unwrap_or("no articles");
        fields.push(field(empty.to_owned(), 1));
    } else {
        fields.push(field(format!("article {}/{}", app.current() + 1, count), 1));
        if let Some(loading) = app.loading() {
            fields.push(field(loading.to_owned(), 3));
        }
        if let Some(page) = app.page_of(app.current()) {
            fields.push(field(app.page_label(page).to_owned(), 6));
        }
        fields.push(field(app.place().to_string(), 4));
        if let Some(matches) = app.match_status() {
            fields.push(field(matches, 0));
        }
    }
    if let Some((index, editions)) = app.edition_place() {
        fields.push(field(format!("edition {}/{editions}", index + 1), 5));
    }
    if let Some(message) = app.message() {
        fields.push(Field {
            cut: true,
            ..field(message.to_owned(), 2)
        });
    }
    fields
}

/// The fields that fit in `room` columns, in their order, as one line: a
/// leading space, then the fields two spaces apart. Fields are taken by rank
/// while they fit whole; a field that does not fit is left out, never cut,
/// except a field marked [`Field::cut`] (the message), which is cut with `…` when even alone beside
/// the first field it is too long, since dropping it would hide the answer
/// to a key press.
pub fn layout(fields: &[Field], room: usize, ambiguous: AmbiguousWidth) -> String {
    let width = |text: &str| display_width(text, ambiguous);
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| fields[i].rank);
    let mut kept: Vec<Option<String>> = vec![None; fields.len()];
    let mut used = 0;
    for i in order {
        let gap = if used == 0 { 1 } else { 2 };
        let text = &fields[i].text;
        if used + gap + width(text) <= room {
            kept[i] = Some(text.clone());
            used += gap + width(text);
        } else if fields[i].cut && used + gap < room {
            let cut = truncate_with_ellipsis(text, room - used - gap, ambiguous);
            used += gap + width(&cut);
            kept[i] = Some(cut.trim_end().to_owned());
        }
    }
    let shown: Vec<String> = kept.into_iter().flatten().collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" {}", shown.join("  "))
    }
}

/// Draws the search prompt over the status bar: `/` and the text typed,
/// the end kept in view when it is longer than the row (see
/// [`prompt::visible_tail`]), then the match counter.
pub fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let theme = Theme::of(app.theme());
    for x in area.left()..area.right() {
        if let Some(cell) = buf.cell_mut((x, area.y)) {
            cell.reset();
        }
    }
    let (shown, counter) = prompt_layout(app, area);
    let line = format!("{PROMPT}{shown}");
    let used = text::put(
        buf,
        area.x,
        area.y,
        area.width,
        &line,
        theme.prompt,
        ambiguous,
    );
    text::put(
        buf,
        area.x + used,
        area.y,
        area.width - used,
        &counter,
        Style::default(),
        ambiguous,
    );
}

/// Where the cursor goes in the search prompt: after the text shown.
pub fn prompt_cursor(app: &App, area: Rect) -> Position {
    let ambiguous = app.typeset_options().ambiguous;
    let (shown, _) = prompt_layout(app, area);
    let column = display_width(PROMPT, ambiguous) + display_width(shown, ambiguous);
    let x = area
        .x
        .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
}

/// The end of the typed query that fits, and the counter (`  [match 1/3]`)
/// after it.
fn prompt_layout(app: &App, area: Rect) -> (&str, String) {
    let ambiguous = app.typeset_options().ambiguous;
    let typed = app.prompt().unwrap_or_default();
    let counter = app
        .match_status()
        .map(|m| format!("  [{m}]"))
        .unwrap_or_default();
    let room = usize::from(area.width)
        .saturating_sub(display_width(PROMPT, ambiguous) + display_width(&counter, ambiguous) + 1);
    (prompt::visible_tail(typed, room, ambiguous), counter)
}

/// Draws the status bar into the one-row `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let style = Theme::of(app.theme()).status;
    buf.set_style(area, style);
    let width = usize::from(area.width);
    let hint = help_hint(app);
    let hint_width = display_width(&hint, ambiguous);
    let room = width.saturating_sub(hint_width + 1);
    let line = layout(&fields(app), room, ambiguous);
    let used = text::put(buf, area.x, area.y, area.width, &line, style, ambiguous);
    let hint_x = area
        .right()
        .saturating_sub(u16::try_from(hint_width).unwrap_or(0));
    if hint_x >= area.x + used {
        text::put(
            buf,
            hint_x,
            area.y,
            area.right() - hint_x,
            &hint,
            style,
            ambiguous,
        );
    }
}
