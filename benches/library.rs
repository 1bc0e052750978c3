//! Listing a directory of a year's editions (365 files of 64 KiB each):
//! what `newsreader DIR` costs before the first screen.

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::library::Library;

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let body =
        "本报讯 会议指出，今年以来，在全市上下的共同努力下，经济运行回升向好。\n".repeat(600);
    for day in 0..365 {
        let month = day % 12 + 1;
        let text = format!("锡城日报\n2024年{month}月{}日 星期六\n{body}", day % 28 + 1);
        std::fs::write(dir.path().join(format!("e{day:03}.txt")), text).expect("a written file");
    }
    c.bench_function("library_scan_365_files", |b| {
        b.iter(|| Library::scan(&[dir.path()]).map(|l| l.len()));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = library
}
criterion_main!(benches);
