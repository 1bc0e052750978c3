//! The reading pane: the open article's typeset rows (headline, dateline and
//! byline, paragraphs) from the app's [`SetArticle`](crate::typeset::article::SetArticle),
//! drawn as finished lines, centred when the pane is wider than the measure,
//! with a scrollbar on the right border. Search matches are highlighted at
//! their exact columns (a match broken across rows on each of its rows), the
//! current match in its own style. With no article yet (an edition still
//! coming down a pipe) it says `reading…`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::{border::Border, pane_border, text, theme::Theme};
use crate::app::{App, Pane};
use crate::typeset::{AmbiguousWidth, article::RowKind};

/// Draws the reading pane into `area` (borders included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    pane_border(app, Pane::Reader, "").render(area, buf);
    let inner = Border::inner(area);
    let ambiguous = app.typeset_options().ambiguous;
    let Some(set) = app.set_article() else {
        // Nothing to read yet: an edition still coming down a pipe.
        if let Some(note) = app.loading() {
            let style = Style::default().add_modifier(Modifier::DIM);
            text::put(buf, inner.x, inner.y, inner.width, note, style, ambiguous);
        }
        return;
    };
    let (text_width, height) = app.reader_text_size();
    let spare = usize::from(inner.width).saturating_sub(text_width) / 2;
    let x = inner.x + u16::try_from(spare).unwrap_or(0);
    let width = u16::try_from(text_width).unwrap_or(inner.width);
    // Only the visible rows are read, each by its index: the frame's work
    // does not grow with how far down the article is.
    for (y, i) in (inner.y..inner.bottom()).zip(app.scroll()..set.rows.len()) {
        let kind = set.rows[i].kind;
        text::put(buf, x, y, width, set.text(i), style_of(kind), ambiguous);
    }
    let theme = Theme::of(app.theme());
    let visible = app.scroll()..app.scroll() + usize::from(inner.height);
    for (row, columns, current) in app.highlights_in(visible) {
        let y = inner.y + u16::try_from(row - app.scroll()).unwrap_or(0);
        let start = x.saturating_add(u16::try_from(columns.start).unwrap_or(u16::MAX));
        let end = x
            .saturating_add(u16::try_from(columns.end).unwrap_or(u16::MAX))
            .min(x.saturating_add(width))
            .min(inner.right());
        if end > start {
            let style = if current {
                theme.current_match
            } else {
                theme.highlight
            };
            buf.set_style(Rect::new(start, y, end - start, 1), style);
        }
    }
    if set.rows.len() > height {
        // ratatui's content length is the number of scroll positions (the
        // first visible row can be 0 ..= rows - height), not the rows left
        // over: one fewer made the thumb a cell too long and let it reach
        // the bottom one row early (a full track when one row was hidden).
        let positions = set.rows.len() - height + 1;
        let mut state = ScrollbarState::new(positions)
            .position(app.scroll())
            .viewport_content_length(height);
        let mut bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        if ambiguous == AmbiguousWidth::Wide {
            bar = bar.track_symbol(Some("|")).thumb_symbol("#");
        }
        bar.render(area.inner(Margin::new(0, 1)), buf, &mut state);
    }
}

/// How each kind of row is drawn: the title bold, the kicker and subtitle
/// in italics, credits dimmed.
fn style_of(kind: RowKind) -> Style {
    match kind {
        RowKind::Title => Style::default().add_modifier(Modifier::BOLD),
        RowKind::Kicker | RowKind::Subtitle => Style::default().add_modifier(Modifier::ITALIC),
        RowKind::Credit | RowKind::Caption => Style::default().add_modifier(Modifier::DIM),
        RowKind::Paragraph | RowKind::Blank => Style::default(),
    }
}
