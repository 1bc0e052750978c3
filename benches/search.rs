//! Search speed on a 10 MB edition: building the index (folded copies of
//! the fields that folding changes) once, and one query (as on each
//! keystroke of an incremental search).

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::edition::{Article, Edition, Headline, Page};
use newsreader::search::{Query, SearchIndex, SearchOptions};

/// About 10 MB of UTF-8: 16 pages of 20 articles of 12 paragraphs of
/// mixed CJK and Latin text.
fn big_edition() -> Edition {
    let paragraph = "会议指出，今年以来，在全市上下的共同努力下，上半年经济运行呈现高开稳走、\
        回升向好态势，较好实现了“双过半”。The Senate met at noon; ＡＢＣ１２３ rose. "
        .repeat(12);
    let article = Article {
        headline: Headline {
            kicker: vec!["引题".into()],
            title: vec!["市委常委会会议召开".into()],
            subtitle: vec![],
        },
        paragraphs: vec![paragraph; 12],
        ..Article::default()
    };
    Edition {
        pages: (1..=16)
            .map(|number| Page {
                number,
                articles: vec![article.clone(); 20],
                ..Page::default()
            })
            .collect(),
        ..Edition::default()
    }
}

fn search(c: &mut Criterion) {
    let edition = big_edition();
    let options = SearchOptions::default();
    c.bench_function("search_index_10mb", |b| {
        b.iter(|| SearchIndex::new(&edition, options));
    });
    let variants = SearchOptions {
        fold_chinese_variants: true,
    };
    c.bench_function("search_index_10mb_chinese_variants", |b| {
        b.iter(|| SearchIndex::new(&edition, variants));
    });
    let index = SearchIndex::new(&edition, options);
    let rare = Query::new("吉佳蓝", options);
    c.bench_function("search_rare_phrase_10mb", |b| {
        b.iter(|| index.find(&edition, &rare))
    });
    let common = Query::new("经济", options);
    c.bench_function("search_common_word_10mb", |b| {
        b.iter(|| index.find(&edition, &common))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = search
}
criterion_main!(benches);
