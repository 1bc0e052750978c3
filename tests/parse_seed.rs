//! The sample edition parses exactly to `shared/expected/seed.json`.

#![allow(clippy::unwrap_used)]

#[path = "parse_common/shared.rs"]
mod shared;

use newsreader::edition::parse::parse;

#[test]
fn sample_edition_parses_exactly_to_seed_json() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt"))
        .unwrap();
    let expected = shared::expected_articles(&shared::read_shared("expected/seed.json"));
    let edition = parse(&text);
    let got = shared::actual_all(&edition);
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert!(
            shared::difference(g, e).is_none(),
            "article {i}: {:?}",
            shared::difference(g, e)
        );
    }
    assert_eq!(got.len(), expected.len(), "article count");
}
