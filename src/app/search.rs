//! Searching the edition from the reader: the one-line prompt, the active
//! query's matches, stepping with `n`/`N`, and the filter of the headline
//! list.
//!
//! The [`SearchIndex`] is built on the first `/` and kept for the edition,
//! which the app owns beside it and passes to every search.
//! Search is incremental: every edit of the prompt searches again and moves
//! to the first match at or after the place the search started; Esc goes
//! back there and clears the search, Enter keeps the matches active.
//! Highlighting is exact: paragraph matches through
//! [`SetArticle::locate`](crate::typeset::article::SetArticle::locate),
//! headline and caption matches by walking their rows (`search/rows.rs`).

mod rows;

use std::ops::Range;

use super::input::{Edit, LineInput, Outcome};
use super::{App, Pane};
use crate::edition::Anchor;
use crate::search::{Hit, Matches, Place, Position, SearchIndex, SearchOptions};
use crate::typeset::article::{RowKind, credit_place};

/// The search part of the app's state.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Folding options (`[search]` in the config).
    pub(super) options: SearchOptions,
    /// Built on first use, always for the app's current edition (which it
    /// is searched with): [`App::reindex_search`] rebuilds it when the
    /// edition is replaced.
    index: Option<SearchIndex>,
    /// The prompt while it is open.
    prompt: Option<LineInput>,
    /// The active query's matches (empty when no search is active).
    matches: Matches,
    /// The query of [`SearchState::matches`].
    query: String,
    /// Index into the hits of the current match.
    current: Option<usize>,
    /// Limit the headline list to articles with matches.
    pub(super) filter: bool,
    /// Where the search started: the open article and the top row.
    origin: Option<(usize, Anchor)>,
}

impl SearchState {
    /// An inactive search with these folding options.
    pub fn new(options: SearchOptions) -> Self {
        SearchState {
            options,
            ..SearchState::default()
        }
    }

    /// True while the prompt is open.
    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }
}

impl App {
    /// The search prompt's text while it is open.
    pub fn prompt(&self) -> Option<&str> {
        self.search.prompt.as_ref().map(LineInput::text)
    }

    /// True while a search has matches (the headline list shows counts).
    pub fn search_active(&self) -> bool {
        !self.search.matches.is_empty()
    }

    /// The active search's matches.
    pub fn matches(&self) -> &Matches {
        &self.search.matches
    }

    /// The index of the current match in [`App::matches`], if any.
    pub fn current_match(&self) -> Option<usize> {
        self.search.current
    }

    /// True when the headline list shows only articles with matches.
    pub fn filter_on(&self) -> bool {
        self.search.filter && self.search_active()
    }

    /// The status bar's `match 3/17` (or `no match` while typing a query
    /// that has none); `None` when no search is active. While the edition
    /// is still loading (see [`App::loading`]) the count is of the part
    /// parsed so far and says so: `match 3/17+`, `no match yet`.
    pub fn match_status(&self) -> Option<String> {
        let count = self.search.matches.len();
        let partial = self.loading.is_some();
        let more = if partial { "+" } else { "" };
        match self.search.current {
            Some(i) if count > 0 => Some(format!("match {}/{count}{more}", i + 1)),
            _ if count > 0 => Some(format!("{count}{more} matches")),
            _ if self.prompt().is_some_and(|p| !p.is_empty()) => {
                Some(if partial { "no match yet" } else { "no match" }.to_owned())
            }
            _ => None,
        }
    }

    /// Where the open article's matches are drawn: `(row, columns, current)`
    /// for each row a match touches, `columns` a display-column
    /// range in that row's text. Empty without a set article or a search.
    pub fn highlights(&self) -> Vec<(usize, Range<usize>, bool)> {
        self.highlights_in(0..usize::MAX)
    }

    /// [`App::highlights`] on rows `rows` only. Hits in paragraphs that no
    /// row of `rows` shows are skipped before they are located, so a frame
    /// costs the matches on screen, not all of the article's (a 1 MB
    /// article can hold thousands).
    pub fn highlights_in(&self, rows: Range<usize>) -> Vec<(usize, Range<usize>, bool)> {
        let Some(paragraphs) = self.paragraphs_on(rows.clone()) else {
            return Vec::new();
        };
        let from = self
            .search
            .matches
            .hits()
            .partition_point(|h| h.article < self.reader.current);
        let mut out = Vec::new();
        for (i, hit) in self
            .search
            .matches
            .in_article(self.reader.current)
            .iter()
            .enumerate()
        {
            if let Place::Paragraph(p) = hit.place
                && !paragraphs.contains(&p)
            {
                continue;
            }
            let current = self.search.current == Some(from + i);
            out.extend(
                self.hit_cells(hit)
                    .into_iter()
                    .filter(|(row, _)| rows.contains(row))
                    .map(|(row, columns)| (row, columns, current)),
            );
        }
        out
    }

    /// The paragraphs rows `rows` of the set article may show, one more on
    /// each side for rows between paragraphs; all when nothing is set, and
    /// `None` when `rows` holds no row of the article.
    fn paragraphs_on(&self, rows: Range<usize>) -> Option<std::ops::RangeInclusive<usize>> {
        let Some(set) = self.set_article() else {
            return Some(0..=usize::MAX);
        };
        let end = rows.end.min(set.rows.len());
        let shown = set.rows.get(rows.start.min(end)..end).unwrap_or_default();
        let first = shown.iter().map(|r| r.anchor.paragraph).min();
        let last = shown.iter().map(|r| r.anchor.paragraph).max();
        Some(first?.saturating_sub(1)..=last?.saturating_add(1))
    }

    /// `(row, columns)` of each row of the open article that `hit` (in the
    /// open article) touches.
    fn hit_cells(&self, hit: &Hit) -> Vec<(usize, Range<usize>)> {
        let (Some(set), Some(article)) = (self.set_article(), self.current_article()) else {
            return Vec::new();
        };
        let ambiguous = self.settings.typeset.ambiguous;
        let range = hit.range.clone();
        match hit.place {
            Place::Paragraph(p) => set.locate(p, range),
            Place::HeadlineLine(line) => {
                let lines: Vec<&str> = article.headline.lines().collect();
                let kinds = [RowKind::Kicker, RowKind::Title, RowKind::Subtitle];
                rows::locate_line(set, &kinds, &lines, line, range, ambiguous)
            }
            Place::Caption(caption) => {
                let lines: Vec<&str> = article.captions.iter().map(String::as_str).collect();
                rows::locate_line(set, &[RowKind::Caption], &lines, caption, range, ambiguous)
            }
            Place::Dateline | Place::Byline => {
                let byline = hit.place == Place::Byline;
                let Some((lines, line, range)) =
                    credit_place(article, set.width, ambiguous, byline, range)
                else {
                    return Vec::new();
                };
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                rows::locate_line(set, &[RowKind::Credit], &lines, line, range, ambiguous)
            }
        }
    }

    /// Opens the prompt (building the index on first use).
    pub(super) fn open_prompt(&mut self) {
        if self.search.index.is_none() {
            self.search.index = Some(SearchIndex::new(&self.edition, self.search.options));
        }
        self.search.origin = Some((self.reader.current, self.reader.top));
        self.search.prompt = Some(LineInput::default());
        self.mode = super::Mode::Prompt;
        self.set_query(String::new());
    }

    /// After [`App::replace_edition`]: rebuilds a built index for the new
    /// edition (`old` is the edition it was built for) and, while the
    /// prompt is open or a search has matches, searches the same query
    /// again, keeping the current match when the new edition has it (same
    /// article, place and chars). The view is not moved.
    pub(super) fn reindex_search(&mut self, old: &crate::edition::Edition) {
        if self.search.index.is_none() {
            return;
        }
        let count = self.edition.article_count();
        let moved = |index: usize| super::swap::remap(old, &self.edition, index, count);
        let index = SearchIndex::new(&self.edition, self.search.options);
        if let Some((article, anchor)) = self.search.origin {
            self.search.origin = Some((moved(article), anchor));
        }
        if self.search.prompt.is_some() || !self.search.matches.is_empty() {
            let current = self
                .search
                .current
                .and_then(|i| self.search.matches.hits().get(i))
                .map(|hit| Hit {
                    article: moved(hit.article),
                    ..hit.clone()
                });
            self.search.matches = index.search(&self.edition, &self.search.query);
            self.search.current =
                current.and_then(|hit| self.search.matches.hits().iter().position(|h| *h == hit));
        }
        self.search.index = Some(index);
    }

    /// Edits the open search prompt (keys arrive as [`Edit`]s, see
    /// `keymap::edit_of`): typing searches again; Enter closes the prompt
    /// keeping the matches; Esc clears the search and goes back to where it
    /// started.
    pub(super) fn prompt_input(&mut self, edit: Edit) {
        let Some(mut input) = self.search.prompt.take() else {
            return;
        };
        let outcome = input.apply(edit);
        if !matches!(outcome, Outcome::Editing) {
            self.mode = super::Mode::Reading;
        }
        match outcome {
            Outcome::Editing => {
                let text = input.text().to_owned();
                self.search.prompt = Some(input);
                if text != self.search.query {
                    self.set_query(text);
                }
            }
            Outcome::Submitted(text) => {
                if self.search.matches.is_empty() {
                    if !text.is_empty() {
                        self.notify(format!("no matches for “{text}”"));
                    }
                } else if self.focus == Pane::Headlines {
                    self.focus = Pane::Reader;
                    self.refresh();
                }
            }
            Outcome::Cancelled => {
                self.clear_search();
                if let Some((article, anchor)) = self.search.origin.take() {
                    self.open_article(article, anchor);
                }
            }
        }
    }

    /// Searches `text` and moves to its first match at or after the origin.
    fn set_query(&mut self, text: String) {
        // The old matches go first: on a large edition they take megabytes
        // (`会` has 200 000 hits in 50 MB), which would otherwise be held
        // while the new ones are found, adding to the peak.
        self.search.matches = Matches::default();
        let matches = self
            .search
            .index
            .as_ref()
            .map(|index| index.search(&self.edition, &text))
            .unwrap_or_default();
        self.search.query = text;
        self.search.matches = matches;
        self.search.current = None;
        let origin = match self.search.origin {
            Some((article, anchor)) if anchor == Anchor::default() => Position::top_of(article),
            Some((article, anchor)) => Position::at_anchor(article, anchor),
            None => self.reading_position(),
        };
        let hits = self.search.matches.hits();
        if hits.is_empty() {
            return;
        }
        let at = hits.partition_point(|h| h.start() < origin);
        self.goto_match(if at == hits.len() { 0 } else { at });
    }

    /// What `n`, `N` or the filter say with no matches to work on: the last
    /// query that found nothing (`no matches for “gdp”`), or how to search
    /// when there was none.
    pub(super) fn no_matches_message(&self) -> String {
        if self.search.query.is_empty() {
            match self.hint_key(super::Action::Search) {
                Some(key) => format!("no search: press {key} to search"),
                None => "no search".to_owned(),
            }
        } else {
            format!("no matches for “{}”", self.search.query)
        }
    }

    /// Ends the search: no matches, no filter, prompt closed.
    pub(super) fn clear_search(&mut self) {
        self.search.prompt = None;
        self.search.matches = Matches::default();
        self.search.query.clear();
        self.search.current = None;
        self.search.filter = false;
    }

    /// `n` (`forward`) or `N`: the next or previous match, across articles,
    /// wrapping around the edition.
    pub(super) fn step_match(&mut self, forward: bool) {
        if self.search.matches.is_empty() {
            self.notify(self.no_matches_message());
            return;
        }
        let at = match self
            .search
            .current
            .and_then(|i| self.search.matches.hits().get(i))
        {
            Some(hit) => hit.start(),
            None => self.reading_position(),
        };
        let next = if forward {
            self.search.matches.next_after(at)
        } else {
            self.search.matches.prev_before(at)
        };
        if let Some(index) = next {
            self.goto_match(index);
        }
    }

    /// The search position of the top row: the top of the article (its
    /// headline included) when scrolled to the top.
    fn reading_position(&self) -> Position {
        if self.reader.scroll == 0 {
            Position::top_of(self.reader.current)
        } else {
            Position::at_anchor(self.reader.current, self.reader.top)
        }
    }

    /// Makes hit `index` the current match and scrolls it into view.
    fn goto_match(&mut self, index: usize) {
        let Some(hit) = self.search.matches.hits().get(index).cloned() else {
            return;
        };
        self.search.current = Some(index);
        if hit.article != self.reader.current {
            self.open_article(hit.article, Anchor::default());
        }
        self.list.selected = hit.article;
        if self.focus == Pane::Headlines && self.search.prompt.is_none() {
            self.focus = Pane::Reader;
        }
        self.show_hit(&hit);
    }

    /// Scrolls the reader so the row of `hit` is on screen (a third down
    /// the page, for context), leaving the scroll alone when it already is.
    fn show_hit(&mut self, hit: &Hit) {
        self.refresh();
        let (_, height) = self.reader_text_size();
        let Some(set) = self.set_article() else {
            return;
        };
        let fallback = match hit.place {
            Place::Paragraph(_) => set.row_of(hit.anchor().unwrap_or_default()),
            Place::HeadlineLine(_) => 0,
            Place::Dateline | Place::Byline => set
                .rows
                .iter()
                .position(|r| r.kind == RowKind::Credit)
                .unwrap_or(0),
            Place::Caption(_) => set
                .rows
                .iter()
                .position(|r| r.kind == RowKind::Caption)
                .unwrap_or(0),
        };
        let row = self.hit_cells(hit).first().map_or(fallback, |cell| cell.0);
        if row >= self.reader.scroll && row < self.reader.scroll + height.max(1) {
            return;
        }
        let max = set.rows.len().saturating_sub(height);
        let scroll = row.saturating_sub(height / 3).min(max);
        let top = set.anchor_at(scroll);
        self.reader.scroll = scroll;
        if let Some(top) = top {
            self.reader.top = top;
        }
    }
}
