//! Full-edition text search: folding, matching, and stepping through hits.
//!
//! Search runs over the edition's text, never over screen rows: each headline
//! line, paragraph and caption is one *field*. Paragraphs are already
//! rejoined by the parser, so a phrase broken across a row or an original
//! column break is one run of text here and is found.
//!
//! [`SearchIndex::new`] folds the whole edition once into one string, fields
//! separated by NUL. Folding (in `search/fold.rs`, which documents each rule
//! and its Unicode source) makes these match:
//! - Latin (and other cased) letters regardless of case;
//! - fullwidth and halfwidth forms: `ＡＢＣ１２３` and `ABC123`, the
//!   ideographic space U+3000 and a space, halfwidth katakana `ｶﾞｲﾄﾞ` and
//!   `ガイド`;
//! - optionally ([`SearchOptions::fold_chinese_variants`]) traditional and
//!   simplified Han characters, `發展` and `发展`, one character at a time
//!   through OpenCC's table in the pure-Rust `ferrous-opencc` crate.
//!
//! Each [`Query`] is folded the same way and compiled once into a
//! `memchr::memmem` finder, so a search is one substring scan of the folded
//! copy: cheap enough to run on every keystroke of an incremental search.
//! Matches are mapped back to char ranges in the original field text, also
//! where folding merged characters.
//!
//! This module knows nothing of the terminal: the UI highlights
//! [`Hit::range`] and moves with [`Matches::next_after`] and
//! [`Matches::prev_before`].

mod fold;
mod variants;

use std::ops::Range;

use memchr::memmem;

use crate::edition::{Anchor, Edition};
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
/// lines, then paragraphs, then captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// Line `i` of [`crate::edition::Headline::lines`] (kicker, title,
    /// subtitle lines, in that order).
    HeadlineLine(usize),
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
    /// paragraph, the top of the article (`(0, 0)`) for a headline line, and
    /// `None` for a caption (captions have no anchor).
    pub fn anchor(&self) -> Option<Anchor> {
        match self.place {
            Place::HeadlineLine(_) => Some(Anchor::default()),
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

/// One searchable field of the edition inside the folded text.
#[derive(Debug)]
struct Field {
    /// Index in [`Edition::articles`] order.
    article: usize,
    /// Which field of the article.
    place: Place,
    /// Byte offset of the field's first folded char in the folded text.
    start: usize,
    /// Folded char index -> original char index, when folding merged chars
    /// (see [`fold_into`]); `None` when they correspond one to one.
    map: Option<Box<[u32]>>,
}

/// The folded copy of an edition's text, built once per edition (and per
/// [`SearchOptions`]) and searched for each query.
///
/// Memory: about the size of the edition's text in UTF-8, plus 4 bytes per
/// char only for fields where halfwidth kana marks were merged.
#[derive(Debug)]
pub struct SearchIndex {
    options: SearchOptions,
    /// Every field's folded text, each followed by a NUL.
    folded: String,
    /// The fields, in edition order (ascending `start`).
    fields: Vec<Field>,
    /// The number of articles in the edition.
    article_count: usize,
}

impl SearchIndex {
    /// Folds every headline line, paragraph and caption of `edition`.
    /// Time and memory are linear in the edition's text. Never panics.
    pub fn new(edition: &Edition, options: SearchOptions) -> Self {
        let mut folder = Folder::new(options.fold_chinese_variants);
        let mut index = SearchIndex {
            options,
            folded: String::new(),
            fields: Vec::new(),
            article_count: 0,
        };
        for (article_index, article) in edition.articles().enumerate() {
            let headline = article.headline.lines().enumerate();
            let headline = headline.map(|(i, line)| (Place::HeadlineLine(i), line));
            let paragraphs = article.paragraphs.iter().enumerate();
            let paragraphs = paragraphs.map(|(i, p)| (Place::Paragraph(i), p.as_str()));
            let captions = article.captions.iter().enumerate();
            let captions = captions.map(|(i, c)| (Place::Caption(i), c.as_str()));
            for (place, text) in headline.chain(paragraphs).chain(captions) {
                index.push_field(&mut folder, article_index, place, text);
            }
            index.article_count = article_index + 1;
        }
        index
    }

    /// Folds one field onto the end of the folded text.
    fn push_field(&mut self, folder: &mut Folder, article: usize, place: Place, text: &str) {
        let start = self.folded.len();
        let map = fold_into(folder, text, &mut self.folded);
        self.folded.push('\0');
        self.fields.push(Field {
            article,
            place,
            start,
            map: map.map(Vec::into_boxed_slice),
        });
    }

    /// The options the index was folded with.
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// All matches of `text`, folded with this index's options.
    pub fn search(&self, text: &str) -> Matches {
        self.find(&Query::new(text, self.options))
    }

    /// All non-overlapping matches of `query`, in edition order. A query
    /// compiled with other [`SearchOptions`] is refolded with this index's.
    /// An empty query gives no hits.
    pub fn find(&self, query: &Query) -> Matches {
        if query.options != self.options {
            return self.find(&Query::new(&query.text, self.options));
        }
        let mut matches = Matches {
            hits: Vec::new(),
            per_article: vec![0; self.article_count],
        };
        if query.is_empty() {
            return matches;
        }
        let needle_bytes = query.finder.needle().len();
        let mut cursor = Cursor::default();
        for start in query.finder.find_iter(self.folded.as_bytes()) {
            let Some(hit) = self.hit_at(&mut cursor, start, start + needle_bytes) else {
                continue;
            };
            if let Some(count) = matches.per_article.get_mut(hit.article) {
                *count += 1;
            }
            matches.hits.push(hit);
        }
        matches
    }

    /// The hit for the folded byte range `start..end`, which lies inside
    /// one field (the query has no NUL). `cursor` carries the char count
    /// from the previous hit in the same field, so mapping all hits costs
    /// at most one pass over the folded text.
    /// `None` only if the range lies in no field, which cannot happen.
    fn hit_at(&self, cursor: &mut Cursor, start: usize, end: usize) -> Option<Hit> {
        let field_index = self.fields.partition_point(|f| f.start <= start);
        let field_index = field_index.checked_sub(1)?;
        let field = self.fields.get(field_index)?;
        if cursor.field != field_index || cursor.byte < field.start {
            *cursor = Cursor {
                field: field_index,
                byte: field.start,
                chars: 0,
            };
        }
        let first = cursor.advance(&self.folded, start);
        let last = cursor.advance(&self.folded, end);
        let range = match &field.map {
            None => first..last,
            Some(map) => map_index(map, first)..map_index(map, last),
        };
        Some(Hit {
            article: field.article,
            place: field.place,
            range,
        })
    }
}

/// `map[index]` as a char index (the map always covers the field's range).
fn map_index(map: &[u32], index: usize) -> usize {
    map.get(index).map_or(index, |&i| i as usize)
}

/// A position inside the folded text: a field, a byte offset and the number
/// of chars from the field's start to it.
#[derive(Debug, Default)]
struct Cursor {
    field: usize,
    byte: usize,
    chars: usize,
}

impl Cursor {
    /// Moves forward to byte `to` (a char boundary at or after the cursor)
    /// and returns the char index there, relative to the field's start.
    fn advance(&mut self, folded: &str, to: usize) -> usize {
        self.chars += folded.get(self.byte..to).map_or(0, |s| s.chars().count());
        self.byte = to;
        self.chars
    }
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
    /// per article of the searched edition.
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
