//! A small cache of typeset articles, keyed by (article index, width in
//! columns, typesetting options), so that a keypress never re-typesets and
//! a resize back to an earlier width is free. Only articles that were shown
//! are ever set.

use std::collections::HashMap;

use crate::edition::Article;
use crate::typeset::{Options, article::SetArticle};

/// How many set articles are kept before the cache is emptied. An article
/// costs a few hundred KiB at most, and a session rarely has more widths
/// than this in play.
const CAPACITY: usize = 32;

/// The cache key: article index in the edition, width in columns, options.
pub type Key = (usize, usize, Options);

/// Typeset articles by [`Key`].
#[derive(Debug, Default)]
pub struct SetCache {
    entries: HashMap<Key, SetArticle>,
}

impl SetCache {
    /// The article set under `key`, setting `article` first if needed.
    pub fn get_or_set(&mut self, key: Key, article: &Article) -> &SetArticle {
        if !self.entries.contains_key(&key) && self.entries.len() >= CAPACITY {
            self.entries.clear();
        }
        self.entries
            .entry(key)
            .or_insert_with(|| SetArticle::new(article, key.1, &key.2))
    }

    /// The article set under `key`, if it has been set.
    pub fn get(&self, key: &Key) -> Option<&SetArticle> {
        self.entries.get(key)
    }
}
