//! Full-edition text search: folding, matching, and stepping through hits.
//!
//! Search runs over the edition's text, never over screen rows: each headline
//! line, the dateline, the byline, each paragraph and caption is one
//! *field*. Paragraphs are already
//! rejoined by the parser, so a phrase broken across a row or an original
//! column break is one run of text here and is found.
//!
//! Folding (in `search/fold.rs`, which documents each rule and its Unicode
//! source) makes these match:
//! - Latin (and other cased) letters regardless of case;
//! - fullwidth and halfwidth forms: `ＡＢＣ１２３` and `ABC123`, the
//!   ideographic space U+3000 and a space, halfwidth katakana `ｶﾞｲﾄﾞ` and
//!   `ガイド`;
//! - optionally ([`SearchOptions::fold_chinese_variants`]) traditional and
//!   simplified Han characters, `發展` and `发展`, one character at a time
//!   through OpenCC's table in the pure-Rust `ferrous-opencc` crate.
//!
//! [`SearchIndex::new`] folds the edition once, but keeps a folded copy only
//! of the fields that folding changes; for most of a Chinese edition it
//! changes nothing, and those fields are searched in the edition's own text.
//! Each [`Query`] is folded the same way and compiled once into a
//! `memchr::memmem` finder, so a search is one substring scan of each field:
//! cheap enough to run on every keystroke of an incremental search. Matches
//! are mapped back to char ranges in the original field text, also where
//! folding merged characters.
//!
//! This module knows nothing of the terminal: the UI highlights
//! [`Hit::range`] and moves with [`Matches::next_after`] and
//! [`Matches::prev_before`].

mod fold;
mod variants;

use std::ops::Range;

use memchr::memmem;

use crate::edition::{Anchor, Article, Edition};
use fold::{Folder, fold_into};

/// Search options, from the `[search]` table of the config file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// Fold traditional Han characters to simplified ones (both in the
    /// edition and in the query), so `發展` and `发展` match. Uses OpenCC's
    /// character table through the pure-Rust `ferrous-opencc` crate.
    pub fold_chinese_variants: bool,
}

/// Where in an article a hit is. Ordered as the article reads: headline
/// lines, the credit (dateline, byline), then paragraphs, then captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// Line `i` of [`crate::edition::Headline::lines`] (kicker, title,
    /// subtitle lines, in that order).
    HeadlineLine(usize),
    /// [`crate::edition::Article::dateline`] (`本报讯 7月26日`).
    Dateline,
    /// [`crate::edition::Article::byline`] (`高美梅`).
    Byline,
    /// [`crate::edition::Article::paragraphs`]`[i]`.
    Paragraph(usize),
    /// [`crate::edition::Article::captions`]`[i]`.
    Caption(usize),
}

/// A point in the edition: an article, a place in it and a char offset into
/// that place's text. Ordered in edition (reading) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// Index in [`Edition::articles`] order.
    pub article: usize,
    /// The field within the article.
    pub place: Place,
    /// Offset in chars (Unicode scalar values) into the field's text.
    pub offset: usize,
}

impl Position {
    /// The very top of `article` (before its first headline line).
    pub fn top_of(article: usize) -> Self {
        Position {
            article,
            place: Place::HeadlineLine(0),
            offset: 0,
        }
    }

    /// The position of a reading [`Anchor`] (a paragraph and char offset)
    /// in `article`.
    pub fn at_anchor(article: usize, anchor: Anchor) -> Self {
        Position {
            article,
            place: Place::Paragraph(anchor.paragraph),
            offset: anchor.offset,
        }
    }
}

/// One match of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The article's index in [`Edition::articles`] order.
    pub article: usize,
    /// The field the match is in.
    pub place: Place,
    /// The matched chars (Unicode scalar values, not bytes) of the field's
    /// original text; never empty.
    pub range: Range<usize>,
}

impl Hit {
    /// Where the match starts.
    pub fn start(&self) -> Position {
        Position {
            article: self.article,
            place: self.place,
            offset: self.range.start,
        }
    }

    /// The reading anchor to scroll to for this hit: the match itself in a
    /// paragraph, the top of the article (`(0, 0)`) for a headline line, a
    /// dateline or a byline, and `None` for a caption (captions have no
    /// anchor).
    pub fn anchor(&self) -> Option<Anchor> {
        match self.place {
            Place::HeadlineLine(_) | Place::Dateline | Place::Byline => Some(Anchor::default()),
            Place::Paragraph(paragraph) => Some(Anchor {
                paragraph,
                offset: self.range.start,
            }),
            Place::Caption(_) => None,
        }
    }
}

/// A search query, folded and compiled once; reuse it against any
/// [`SearchIndex`].
#[derive(Debug, Clone)]
pub struct Query {
    /// The query as typed.
    text: String,
    /// The options it was folded with.
    options: SearchOptions,
    /// The compiled finder over the folded query.
    finder: memmem::Finder<'static>,
}

impl Query {
    /// Folds `text` with `options` and compiles it. An empty query (or one
    /// whose folded form is empty) matches nothing.
    pub fn new(text: &str, options: SearchOptions) -> Self {
        let mut folded = String::with_capacity(text.len());
        fold_into(
            &mut Folder::new(options.fold_chinese_variants),
            text,
            &mut folded,
        );
        Query {
            text: text.to_owned(),
            options,
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
        }
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the query can match nothing (it is empty).
    pub fn is_empty(&self) -> bool {
        self.finder.needle().is_empty()
    }
}

/// A field whose folded text differs from its original text: the only kind
/// of field the index keeps text for.
#[derive(Debug)]
struct FoldedField {
    /// Index in [`Edition::articles`] order.
    article: usize,
    /// Which field of the article.
    place: Place,
    /// Byte offset of the field's first folded char in
    /// [`SearchIndex::folded`]; the field ends where the next one starts.
    start: usize,
    /// Folded char index -> original char index, when folding merged chars
    /// (see [`fold_into`]); `None` when they correspond one to one.
    map: Option<Box<[u32]>>,
}

/// What an edition needs for search beyond its own text, built once per
/// edition (and per [`SearchOptions`]) and searched for each query together
/// with that edition.
///
/// A field (headline line, credit, paragraph, caption) that folding leaves
/// byte for byte as it is, which is most of a Chinese edition, costs
/// nothing: it is searched in the edition's own text. Only fields that
/// folding changed (Latin capitals, fullwidth or halfwidth forms, U+3000,
/// traditional characters when folding variants) are kept folded.
///
/// Memory: the folded text of the changed fields in UTF-8 (the buffer is
/// sized from them), 48 bytes per changed field, plus 4 bytes per char only
/// for fields where halfwidth kana marks were merged.
#[derive(Debug)]
pub struct SearchIndex {
    options: SearchOptions,
    /// The folded text of every field in [`SearchIndex::fields`], one after
    /// the other.
    folded: String,
    /// The changed fields, in edition order (ascending `start`).
    fields: Vec<FoldedField>,
    /// The number of articles in the edition.
    article_count: usize,
}

impl SearchIndex {
    /// Folds the headline lines, credits, paragraphs and captions of `edition` that
    /// folding changes. Time is linear in the edition's text, memory in the
    /// changed fields' text. Never panics.
    pub fn new(edition: &Edition, options: SearchOptions) -> Self {
        let mut folder = Folder::new(options.fold_chinese_variants);
        let mut changed = Vec::new();
        let mut article_count = 0;
        for (article_index, article) in edition.articles().enumerate() {
            for (place, text) in fields_of(article) {
                if fold::changes(&mut folder, text) {
                    changed.push((article_index, place, text));
                }
            }
            article_count = article_index + 1;
        }
        // Folding rarely makes text longer (only a few lowercase and
        // simplified forms take more UTF-8 bytes), so this is nearly always
        // enough; the slack is given back below.
        let capacity = changed.iter().map(|(_, _, text)| text.len()).sum();
        let mut index = SearchIndex {
            options,
            folded: String::with_capacity(capacity),
            fields: Vec::with_capacity(changed.len()),
            article_count,
        };
        for (article, place, text) in changed {
            let start = index.folded.len();
            let map = fold_into(&mut folder, text, &mut index.folded);
            index.fields.push(FoldedField {
                article,
                place,
                start,
                map: map.map(Vec::into_boxed_slice),
            });
        }
        index.folded.shrink_to_fit();
        index
    }

    /// The options the index was folded with.
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// All matches of `text`, folded with this index's options, in
    /// `edition`, the edition the index was built from (see
    /// [`SearchIndex::find`]).
    pub fn search(&self, edition: &Edition, text: &str) -> Matches {
        self.find(edition, &Query::new(text, self.options))
    }

    /// All non-overlapping matches of `query` in `edition`, in edition
    /// order. A query compiled with other [`SearchOptions`] is refolded
    /// with this index's. An empty query gives no hits.
    ///
    /// `edition` must be the edition the index was built from: the index
    /// holds only the fields that folding changed, and the others are read
    /// from `edition`. Given any other edition this does not panic, and
    /// [`Matches::per_article`] still has one entry per article of the
    /// indexed edition, but hits may be missing or wrong (searched in the
    /// indexed edition's folded text for a changed field, in the other
    /// edition's text for the rest).
    ///
    /// Each field is searched on its own, so a match never spans two
    /// fields. Time is linear in the edition's text.
    pub fn find(&self, edition: &Edition, query: &Query) -> Matches {
        if query.options != self.options {
            return self.find(edition, &Query::new(&query.text, self.options));
        }
        let mut matches = Matches {
            hits: Vec::new(),
            per_article: vec![0; self.article_count],
        };
        if query.is_empty() {
            return matches;
        }
        let mut stored = 0;
        let articles = edition.articles().take(self.article_count).enumerate();
        for (article_index, article) in articles {
            let mut count = 0;
            for (place, text) in fields_of(article) {
                let (haystack, map) = self.stored_or(&mut stored, article_index, place, text);
                find_in_field(&query.finder, haystack, map, |range| {
                    count += 1;
                    matches.hits.push(Hit {
                        article: article_index,
                        place,
                        range,
                    });
                });
            }
            if let Some(slot) = matches.per_article.get_mut(article_index) {
                *slot = count;
            }
        }
        matches
    }

    /// The text to search for field `place` of article `article` (whose
    /// original text is `text`), and its char map: the folded copy when the
    /// index holds one, else `text` itself. `next` is the index of the
    /// first stored field not yet passed; fields are asked for in edition
    /// order, and stored fields before the one asked for (which only
    /// another edition can leave) are skipped.
    fn stored_or<'a>(
        &'a self,
        next: &mut usize,
        article: usize,
        place: Place,
        text: &'a str,
    ) -> (&'a str, Option<&'a [u32]>) {
        let at = (article, place);
        while self
            .fields
            .get(*next)
            .is_some_and(|f| (f.article, f.place) < at)
        {
            *next += 1;
        }
        let Some(field) = self.fields.get(*next) else {
            return (text, None);
        };
        if (field.article, field.place) != at {
            return (text, None);
        }
        *next += 1;
        let end = self
            .fields
            .get(*next)
            .map_or(self.folded.len(), |f| f.start);
        let folded = self.folded.get(field.start..end).unwrap_or_default();
        (folded, field.map.as_deref())
    }
}

/// The searchable fields of `article` in reading order: headline lines,
/// dateline, byline, paragraphs, captions.
fn fields_of(article: &Article) -> impl Iterator<Item = (Place, &str)> {
    let headline = article.headline.lines().enumerate();
    let headline = headline.map(|(i, line)| (Place::HeadlineLine(i), line));
    let credit = [
        (Place::Dateline, &article.dateline),
        (Place::Byline, &article.byline),
    ];
    let credit = credit
        .into_iter()
        .filter_map(|(place, text)| Some((place, text.as_deref()?)));
    let paragraphs = article.paragraphs.iter().enumerate();
    let paragraphs = paragraphs.map(|(i, p)| (Place::Paragraph(i), p.as_str()));
    let captions = article.captions.iter().enumerate();
    let captions = captions.map(|(i, c)| (Place::Caption(i), c.as_str()));
    headline.chain(credit).chain(paragraphs).chain(captions)
}

/// Calls `hit` with the char range of each non-overlapping match of
/// `finder` in `haystack` (one field's text, folded or not), mapped to
/// original chars through `map` when there is one. Chars are counted from
/// the previous match, so all matches cost one pass over the field.
fn find_in_field(
    finder: &memmem::Finder<'_>,
    haystack: &str,
    map: Option<&[u32]>,
    mut hit: impl FnMut(Range<usize>),
) {
    let needle_bytes = finder.needle().len();
    let (mut byte, mut chars) = (0, 0);
    let mut advance = |to: usize| {
        // A UTF-8 needle matches UTF-8 text only at char boundaries.
        chars += haystack.get(byte..to).map_or(0, |s| s.chars().count());
        byte = to;
        chars
    };
    for start in finder.find_iter(haystack.as_bytes()) {
        let first = advance(start);
        let last = advance(start + needle_bytes);
        hit(match map {
            None => first..last,
            Some(map) => map_index(map, first)..map_index(map, last),
        });
    }
}

/// `map[index]` as a char index (the map always covers the field's range).
fn map_index(map: &[u32], index: usize) -> usize {
    map.get(index).map_or(index, |&i| i as usize)
}

/// The result of a search: hits in edition order, and per-article counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    hits: Vec<Hit>,
    per_article: Vec<usize>,
}

impl Matches {
    /// All hits, in edition order (article, then place, then offset).
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The number of hits.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// True when there is no hit.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Hits per article, indexed in [`Edition::articles`] order; one entry
    /// per article of the edition the index was built from.
    pub fn per_article(&self) -> &[usize] {
        &self.per_article
    }

    /// The number of hits in `article` (0 for an index past the end).
    pub fn count_in(&self, article: usize) -> usize {
        self.per_article.get(article).copied().unwrap_or(0)
    }

    /// The hits in `article`, in order (for highlighting one article).
    pub fn in_article(&self, article: usize) -> &[Hit] {
        let from = self.hits.partition_point(|h| h.article < article);
        let to = self.hits.partition_point(|h| h.article <= article);
        &self.hits[from..to]
    }

    /// The index (into [`Matches::hits`]) of the first hit that starts after
    /// `at`, wrapping around to the first hit of the edition; `None` when
    /// there are no hits. This is `n`.
    pub fn next_after(&self, at: Position) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let index = self.hits.partition_point(|h| h.start() <= at);
        Some(if index == self.hits.len() { 0 } else { index })
    }

    /// The index of the last hit that starts before `at`, wrapping around to
    /// the last hit of the edition; `None` when there are no hits. This is
    /// `N`.
    pub fn prev_before(&self, at: Position) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let index = self.hits.partition_point(|h| h.start() < at);
        Some(index.checked_sub(1).unwrap_or(self.hits.len() - 1))
    }
}

#[cfg(test)]
mod tests;
