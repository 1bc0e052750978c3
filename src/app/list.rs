//! The headline list as a newspaper lays it out: a header row per page
//! (its folio label, `第1版 要闻`, or `Page N` when none was found) and
//! the page's articles under it; with the search filter on, only articles
//! with matches (and the headers of their pages).
//!
//! Also the page jumps (`1`–`9`) and mouse clicks on list rows, which need
//! the same rows.

use super::{App, Pane};
use crate::edition::Anchor;

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
    /// headline pane as drawn, if that row is an article.
    pub fn article_at_list_row(&self, row: usize) -> Option<usize> {
        let height = self
            .panes()
            .area(Pane::Headlines)
            .map_or(0, |a| usize::from(super::layout::inner(a).height));
        let rows = self.list_rows();
        let offset = rows_offset(&rows, self.list.selected, height);
        match rows.get(offset + row) {
            Some(&ListRow::Article(a)) => Some(a),
            _ => None,
        }
    }
}

/// The first list row shown so that the selected article is visible in a
/// list `height` rows high (with its page header when there is room): the
/// list scrolls only once the selection passes the bottom.
pub fn rows_offset(rows: &[ListRow], selected: usize, height: usize) -> usize {
    let at = rows
        .iter()
        .position(|r| *r == ListRow::Article(selected))
        .unwrap_or(0);
    super::layout::scroll_offset(at, height)
}
