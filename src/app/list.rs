//! The headline list as a newspaper lays it out: a header row per page
//! (its folio label, `第1版 要闻`, or `Page N` when none was found) and
//! the page's articles under it; with the search filter on, only articles
//! with matches (and the headers of their pages).
//!
//! An article's title takes one row when it fits the list's width, else
//! two: broken where the reader would break it, the second cut with `…`
//! (newsboat users ask for the same, newsboat #742). The list asks for the
//! width of its widest title (`ListState::wanted_width`); the layout gives
//! it what the reader can spare.
//!
//! Also the page jumps (`1`–`9`) and mouse clicks on list rows, which need
//! the same rows.

use super::{App, Pane};
use crate::edition::{Anchor, Edition};
use crate::typeset::{self, AmbiguousWidth, display_width, truncate_with_ellipsis};

/// The columns of an article row before its title: the selection marker
/// and the unread mark.
pub const TITLE_INDENT: usize = 2;

/// The most rows one headline takes in the list.
pub const MAX_TITLE_ROWS: usize = 2;

/// The headline list's state: each article's one-line title, the page
/// index, the selected article, and the width the widest entry wants.
#[derive(Debug)]
pub(super) struct ListState {
    pub(super) titles: Vec<String>,
    pub(super) pages: PageIndex,
    pub(super) selected: usize,
    /// Columns (border included) that show the widest title or page label
    /// whole on one row.
    pub(super) wanted_width: u16,
}

impl ListState {
    /// The list of `edition`, with its first article selected.
    pub(super) fn new(edition: &Edition, ambiguous: AmbiguousWidth) -> Self {
        let titles: Vec<String> = edition.articles().map(super::list_title).collect();
        let pages = PageIndex::new(edition);
        let widest_title = titles.iter().map(|t| display_width(t, ambiguous)).max();
        let widest_label = pages
            .labels
            .iter()
            .map(|l| display_width(l, ambiguous))
            .max();
        let widest = widest_title.unwrap_or(0) + TITLE_INDENT;
        let widest = widest.max(widest_label.unwrap_or(0));
        let border = usize::from(super::layout::BORDER);
        ListState {
            titles,
            pages,
            selected: 0,
            wanted_width: u16::try_from(widest + border).unwrap_or(u16::MAX),
        }
    }
}

/// One entry of the headline list as drawn: a page header (one row) or an
/// article and the rows its title is drawn on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// Which row of [`App::list_rows`] it is.
    pub row: ListRow,
    /// The text of each screen row: the page label, or the title's lines.
    pub lines: Vec<String>,
}

/// One row of the headline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// The header of page `i` (index into [`crate::edition::Edition::pages`]).
    Page(usize),
    /// Article `i` (index in edition order).
    Article(usize),
}

/// The page of each article and the label of each page, worked out once.
#[derive(Debug, Clone, Default)]
pub struct PageIndex {
    /// For each article (edition order), the index of its page.
    pub(super) article_page: Vec<usize>,
    /// For each page, the header text.
    pub(super) labels: Vec<String>,
    /// For each page, its first article, if it has any.
    pub(super) first_article: Vec<Option<usize>>,
}

impl PageIndex {
    /// Indexes `edition`'s pages.
    pub fn new(edition: &crate::edition::Edition) -> Self {
        let mut index = PageIndex::default();
        for (p, page) in edition.pages.iter().enumerate() {
            let label = match page.label.as_deref().map(str::trim) {
                Some(label) if !label.is_empty() => label.to_owned(),
                _ => format!("Page {}", page.number),
            };
            index.labels.push(label);
            let first = index.article_page.len();
            index
                .first_article
                .push((!page.articles.is_empty()).then_some(first));
            index
                .article_page
                .extend(std::iter::repeat_n(p, page.articles.len()));
        }
        index
    }
}

impl App {
    /// The headline list's rows, top to bottom (see the module doc).
    pub fn list_rows(&self) -> Vec<ListRow> {
        let mut rows = Vec::new();
        let mut last_page = None;
        for (article, &page) in self.list.pages.article_page.iter().enumerate() {
            if !self.listed(article) {
                continue;
            }
            if last_page != Some(page) {
                rows.push(ListRow::Page(page));
                last_page = Some(page);
            }
            rows.push(ListRow::Article(article));
        }
        rows
    }

    /// The header text of page `index` (`第1版 要闻`, `Page 3`).
    pub fn page_label(&self, index: usize) -> &str {
        self.list.pages.labels.get(index).map_or("", String::as_str)
    }

    /// The page index of `article`.
    pub fn page_of(&self, article: usize) -> Option<usize> {
        self.list.pages.article_page.get(article).copied()
    }

    /// Whether `article` is in the list (all are, unless the search
    /// filter hides those without matches).
    fn listed(&self, article: usize) -> bool {
        !self.filter_on() || self.matches().count_in(article) > 0
    }

    /// Moves the list selection by `delta` articles among those listed.
    pub(super) fn move_selection(&mut self, delta: isize) {
        let listed: Vec<usize> = (0..self.article_count())
            .filter(|&a| self.listed(a))
            .collect();
        if listed.is_empty() {
            return;
        }
        let at = listed.partition_point(|&a| a < self.list.selected);
        let at = at.min(listed.len() - 1);
        let to = at.saturating_add_signed(delta).min(listed.len() - 1);
        self.list.selected = listed[to];
    }

    /// Keeps the selection on a listed article after the filter changed.
    pub(super) fn settle_selection(&mut self) {
        if !self.listed(self.list.selected) {
            self.move_selection(0);
        }
    }

    /// `1`–`9`: opens the first article of the `n`th page (1-based, in
    /// edition order); says so when the edition has no such page.
    pub(super) fn goto_page(&mut self, n: u8) {
        let index = usize::from(n).saturating_sub(1);
        match self.list.pages.first_article.get(index) {
            Some(&Some(article)) => {
                self.open_article(article, Anchor::default());
            }
            Some(None) => self.notify(format!("page {n} has no articles")),
            None if self.loading.is_some() => {
                self.notify(format!("page {n} not loaded yet; try again in a moment"));
            }
            None => self.notify(format!("no page {n} in this edition")),
        }
    }

    /// The article on list row `row` (0 = the first row shown) of the
    /// headline pane as drawn, if that row shows an article's title.
    pub fn article_at_list_row(&self, row: usize) -> Option<usize> {
        let inner = super::layout::inner(self.panes().area(Pane::Headlines)?);
        let entries = self.list_view(usize::from(inner.width), usize::from(inner.height));
        let mut top = 0;
        for entry in entries {
            top += entry.lines.len();
            if row < top {
                return match entry.row {
                    ListRow::Article(a) => Some(a),
                    ListRow::Page(_) => None,
                };
            }
        }
        None
    }

    /// The list as drawn in `width` × `height` cells (inside its border):
    /// the entries from the first one shown, scrolled so that the selected
    /// article is whole on screen (with its page header when there is
    /// room), as many as start within `height` rows.
    ///
    /// Only the entries near the selection are laid out (a title is wrapped
    /// to know its rows), so a frame costs the same in a long edition.
    pub fn list_view(&self, width: usize, height: usize) -> Vec<ListEntry> {
        let rows = self.list_rows();
        let entry = |row: ListRow| ListEntry {
            lines: match row {
                ListRow::Page(page) => vec![self.page_label(page).to_owned()],
                ListRow::Article(index) => self.title_lines(index, width),
            },
            row,
        };
        let at = rows
            .iter()
            .position(|&r| r == ListRow::Article(self.list.selected))
            .unwrap_or(0);
        let heights = |i: usize| rows.get(i).map_or(1, |&r| entry(r).lines.len());
        let first = super::layout::first_shown(heights, at, height);
        let mut used = 0;
        rows.into_iter()
            .skip(first)
            .map_while(|row| {
                let starts = used < height;
                let shown = entry(row);
                used += shown.lines.len();
                starts.then_some(shown)
            })
            .collect()
    }

    /// The match count drawn at the right of article `index`'s first row
    /// while a search is active (` 3`), if it has matches.
    pub fn list_count(&self, index: usize) -> Option<String> {
        let count = self.search_active().then(|| self.matches().count_in(index));
        count.filter(|&c| c > 0).map(|c| format!(" {c}"))
    }

    /// The rows article `index`'s title is drawn on in a list `width`
    /// columns wide: one when it fits beside the marks and the match count,
    /// else [`MAX_TITLE_ROWS`], broken as the reader breaks lines, the last
    /// cut with `…`.
    pub fn title_lines(&self, index: usize, width: usize) -> Vec<String> {
        let ambiguous = self.settings.typeset.ambiguous;
        let title = self.list.titles.get(index).map_or("", String::as_str);
        let count = self
            .list_count(index)
            .map_or(0, |c| display_width(&c, ambiguous));
        let room = width.saturating_sub(TITLE_INDENT + count);
        if display_width(title, ambiguous) <= room || room == 0 {
            return vec![truncate_with_ellipsis(title, room, ambiguous)];
        }
        let options = typeset::Options {
            justify: false,
            ..self.settings.typeset
        };
        let rows = typeset::wrap(title, room, &options);
        let mut lines: Vec<String> = rows
            .iter()
            .take(MAX_TITLE_ROWS - 1)
            .map(|r| r.text.clone())
            .collect();
        let rest: String = title
            .chars()
            .skip(rows.get(MAX_TITLE_ROWS - 1).map_or(usize::MAX, |r| r.start))
            .collect();
        if !rest.is_empty() {
            lines.push(truncate_with_ellipsis(&rest, room, ambiguous));
        }
        lines
    }
}
