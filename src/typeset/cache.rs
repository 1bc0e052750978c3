//! A small cache of set articles, so a keypress or a redraw never
//! re-typesets: only a new article, width or setting does.

use std::collections::VecDeque;
use std::sync::Arc;

use super::Options;
use super::article::SetArticle;
use crate::edition::{Article, ArticleId};

/// How many set articles a [`SetCache::default`] keeps.
pub const DEFAULT_CAPACITY: usize = 4;

/// What a set article depends on. The id derives from the title and the
/// first 64 body characters only, so the body's length in bytes is part of
/// the key too, to tell apart two articles that share a beginning.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    id: ArticleId,
    body_bytes: usize,
    width: usize,
    options: Options,
}

impl Key {
    fn new(article: &Article, width: usize, options: &Options) -> Self {
        let body_bytes = article.headline.lines().map(str::len).sum::<usize>()
            + article.paragraphs.iter().map(String::len).sum::<usize>()
            + article.captions.iter().map(String::len).sum::<usize>();
        Key {
            id: article.id.clone(),
            body_bytes,
            width,
            options: *options,
        }
    }
}

/// An article set ahead of time, off the event loop: the worker that
/// parses a large edition also sets the article the reader has open (see
/// `cli::open`), and the swap hands it to the app's cache
/// ([`SetCache::insert`]) so the event loop never sets a 10 MB article.
#[derive(Debug, Clone)]
pub struct Preset {
    /// The article's id in the edition it was set from.
    pub id: ArticleId,
    /// The text width it was set at, in columns.
    pub width: usize,
    /// The options it was set with.
    pub options: Options,
    /// The set article.
    pub set: Arc<SetArticle>,
}

/// A least-recently-used cache of [`SetArticle`]s keyed by (article, width
/// in columns, [`Options`]). Holds at most its capacity (at least 1).
#[derive(Debug, Clone)]
pub struct SetCache {
    capacity: usize,
    /// Most recently used first.
    entries: VecDeque<(Key, Arc<SetArticle>)>,
}

impl Default for SetCache {
    fn default() -> Self {
        SetCache::new(DEFAULT_CAPACITY)
    }
}

impl SetCache {
    /// An empty cache keeping up to `capacity` set articles (0 is taken as 1).
    pub fn new(capacity: usize) -> Self {
        SetCache {
            capacity: capacity.max(1),
            entries: VecDeque::new(),
        }
    }

    /// The article set at `width` columns with `options`: from the cache if
    /// it was set before (and not evicted since), otherwise set now and
    /// cached, evicting the least recently used entry when full.
    pub fn get_or_set(
        &mut self,
        article: &Article,
        width: usize,
        options: &Options,
    ) -> Arc<SetArticle> {
        let key = Key::new(article, width, options);
        if let Some(i) = self.entries.iter().position(|(k, _)| *k == key)
            && let Some(entry) = self.entries.remove(i)
        {
            let set = Arc::clone(&entry.1);
            self.entries.push_front(entry);
            return set;
        }
        let set = Arc::new(SetArticle::new(article, width, options));
        self.entries.push_front((key, Arc::clone(&set)));
        self.entries.truncate(self.capacity);
        set
    }

    /// Caches `set`, which is `article` set at `width` columns with
    /// `options` elsewhere (see [`Preset`]), as the most recently used
    /// entry, replacing an entry with the same key.
    pub fn insert(
        &mut self,
        article: &Article,
        width: usize,
        options: &Options,
        set: Arc<SetArticle>,
    ) {
        let key = Key::new(article, width, options);
        self.entries.retain(|(k, _)| *k != key);
        self.entries.push_front((key, set));
        self.entries.truncate(self.capacity);
    }

    /// How many set articles are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Drops every cached article.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, body: &str) -> Article {
        Article {
            id: ArticleId(id.into()),
            paragraphs: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn same_article_width_and_options_is_set_once() {
        let mut cache = SetCache::default();
        let a = article("a", "中文，测试。");
        let first = cache.get_or_set(&a, 20, &Options::default());
        let again = cache.get_or_set(&a, 20, &Options::default());
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn new_width_or_option_sets_again() {
        let mut cache = SetCache::default();
        let a = article("a", "中文，测试。");
        let narrow = cache.get_or_set(&a, 20, &Options::default());
        let wide = cache.get_or_set(&a, 30, &Options::default());
        let justified = Options {
            justify: true,
            ..Options::default()
        };
        let other = cache.get_or_set(&a, 20, &justified);
        assert!(!Arc::ptr_eq(&narrow, &wide));
        assert!(!Arc::ptr_eq(&narrow, &other));
        assert_eq!(wide.width, 30);
    }

    #[test]
    fn least_recently_used_entry_is_evicted_when_full() {
        let mut cache = SetCache::new(2);
        let (a, b, c) = (article("a", "一"), article("b", "二"), article("c", "三"));
        let options = Options::default();
        let first_a = cache.get_or_set(&a, 10, &options);
        let first_b = cache.get_or_set(&b, 10, &options);
        cache.get_or_set(&a, 10, &options);
        cache.get_or_set(&c, 10, &options);
        assert_eq!(cache.len(), 2);
        assert!(Arc::ptr_eq(&first_a, &cache.get_or_set(&a, 10, &options)));
        assert!(!Arc::ptr_eq(&first_b, &cache.get_or_set(&b, 10, &options)));
    }

    #[test]
    fn articles_sharing_an_id_but_not_a_body_are_set_apart() {
        let mut cache = SetCache::default();
        let short = cache.get_or_set(&article("x", "一"), 10, &Options::default());
        let long = cache.get_or_set(&article("x", "一二"), 10, &Options::default());
        assert!(!Arc::ptr_eq(&short, &long));
    }
}
