//! Parse and decode throughput (issue 7) on generated editions
//! (`common/generate.rs`): `edition::load` on 1, 10 and 50 MB of pages and
//! on one 10 MB article; `parse::parse` alone (on text decoded beforehand)
//! on 1 and 10 MB of pages (also on one thread) and of one article; and `decode::decode` alone
//! on 10 MB as UTF-8, as
//! UTF-8 with CRLF line ends and tabs (the normaliser's rewriting path), and
//! as GBK (detection plus a legacy decoder); and the edition fingerprint
//! (`Fingerprint::of_text`, XXH3, against the legacy FNV-1a one) on 10 MB.
//!
//! ```sh
//! cargo bench --bench parse -- --sample-size 10 --measurement-time 5
//! ```

#[path = "common/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use generate::Shape;
use newsreader::edition::{Fingerprint, LoadOptions, decode, load, parse};

const MB: usize = 1_000_000;

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    // Each iteration of a large input takes long enough on its own.
    group.sampling_mode(SamplingMode::Flat);
    let cases = [
        ("pages", Shape::Pages, MB),
        ("pages", Shape::Pages, 10 * MB),
        ("pages", Shape::Pages, 50 * MB),
        ("one-article", Shape::OneArticle, 10 * MB),
    ];
    for (name, shape, size) in cases {
        let text = generate::edition(shape, size);
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        let id = BenchmarkId::new(name, format!("{}MB", size / MB));
        group.bench_with_input(id, text.as_bytes(), |b, bytes| {
            b.iter(|| load(black_box(bytes), None, &LoadOptions::default()));
        });
    }
    group.finish();
}

/// The parser alone: `parse::parse` on text already decoded, so that
/// decoding and the edition fingerprint are not counted.
fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sampling_mode(SamplingMode::Flat);
    let cases = [
        ("pages", Shape::Pages, MB),
        ("pages", Shape::Pages, 10 * MB),
        ("one-article", Shape::OneArticle, MB),
        ("one-article", Shape::OneArticle, 10 * MB),
    ];
    for (name, shape, size) in cases {
        let text = decode::decode(generate::edition(shape, size).as_bytes(), None).text;
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        let id = BenchmarkId::new(name, format!("{}MB", size / MB));
        group.bench_with_input(id, text.as_str(), |b, text| {
            b.iter(|| parse::parse(black_box(text)));
        });
        if shape == Shape::Pages {
            // The same on one thread: what each core does (a single page
            // is always read on one thread).
            let id = BenchmarkId::new("pages-one-thread", format!("{}MB", size / MB));
            group.bench_with_input(id, text.as_str(), |b, text| {
                b.iter(|| parse::parse_with_threads(black_box(text), 1));
            });
        }
    }
    group.finish();
}

fn bench_decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    group.sampling_mode(SamplingMode::Flat);
    let text = generate::edition(Shape::Pages, 10 * MB);
    let crlf_tabs = text
        .replace('\n', "\r\n")
        .replace("责任编辑：", "责任编辑：\t");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let cases: [(&str, &[u8]); 3] = [
        ("utf-8", text.as_bytes()),
        ("utf-8-crlf-tabs", crlf_tabs.as_bytes()),
        ("gbk", &gbk),
    ];
    for (name, bytes) in cases {
        group.throughput(Throughput::BytesDecimal(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, "10MB"), bytes, |b, bytes| {
            b.iter(|| decode::decode(black_box(bytes), None));
        });
    }
    group.finish();
}

/// The edition fingerprint on 10 MB of pages: the current XXH3 key and the
/// legacy FNV-1a key (computed only to find state stored under it).
fn bench_fingerprint(c: &mut Criterion) {
    let mut group = c.benchmark_group("fingerprint");
    group.sampling_mode(SamplingMode::Flat);
    let text = decode::decode(generate::edition(Shape::Pages, 10 * MB).as_bytes(), None).text;
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("xxh3", "10MB"),
        text.as_str(),
        |b, text| {
            b.iter(|| Fingerprint::of_text(black_box(text)));
        },
    );
    group.bench_with_input(
        BenchmarkId::new("legacy-fnv", "10MB"),
        text.as_str(),
        |b, text| {
            b.iter(|| Fingerprint::legacy_of_text(black_box(text)));
        },
    );
    group.finish();
}

criterion_group!(
    benches,
    bench_load,
    bench_parse,
    bench_decode,
    bench_fingerprint
);
criterion_main!(benches);
