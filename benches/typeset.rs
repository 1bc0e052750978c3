//! Typesetting speed: a 1 MB CJK article (the sample edition's paragraphs,
//! repeated) set at 80 columns, as the reading pane does on a resize.
//!
//! Run: `cargo bench --bench typeset -- --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsreader::edition::Article;
use newsreader::typeset::article::SetArticle;
use newsreader::typeset::{AmbiguousWidth, Options, wrap};

/// The size of the benchmark article's body.
const TARGET_BYTES: usize = 1 << 20;

/// The sample edition's text blocks as paragraphs (column lines rejoined),
/// repeated until the body holds at least [`TARGET_BYTES`] bytes.
fn megabyte_article() -> Article {
    let text = include_str!("../assets/edition.txt");
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|block| block.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for block in &blocks {
            bytes += block.len();
            paragraphs.push(block.clone());
        }
    }
    Article {
        paragraphs,
        ..Article::default()
    }
}

fn body_bytes(article: &Article) -> u64 {
    article.paragraphs.iter().map(|p| p.len() as u64).sum()
}

fn set_article(c: &mut Criterion) {
    let article = megabyte_article();
    let mut group = c.benchmark_group("typeset");
    group.throughput(Throughput::Bytes(body_bytes(&article)));
    group.sample_size(20);
    let narrow = Options::default();
    group.bench_function("set_article_1mb_cjk_80_columns", |b| {
        b.iter(|| SetArticle::new(black_box(&article), black_box(80), &narrow))
    });
    let wide_justified = Options {
        ambiguous: AmbiguousWidth::Wide,
        justify: true,
    };
    group.bench_function("set_article_1mb_cjk_80_columns_wide_justified", |b| {
        b.iter(|| SetArticle::new(black_box(&article), black_box(80), &wide_justified))
    });
    group.bench_function("wrap_paragraphs_1mb_cjk_80_columns", |b| {
        b.iter(|| {
            article
                .paragraphs
                .iter()
                .map(|p| wrap(black_box(p), 80, &narrow).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, set_article);
criterion_main!(benches);
