//! The `newsreader` binary. PLACEHOLDER until the CLI lands.

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "assets/edition.txt".into());
    let bytes = std::fs::read(&path).unwrap_or_default();
    let (edition, _) = newsreader::edition::load(&bytes, Some(&path), &Default::default());
    println!(
        "{}",
        serde_json::to_string_pretty(&edition).unwrap_or_default()
    );
}
