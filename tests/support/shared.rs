//! Locating the shared read-only folder (sample editions, expected parses,
//! real extractor output) from a test: `shared` beside the checkout
//! (`$CARGO_MANIFEST_DIR/../shared`), as CI lays it out. There is no other
//! place: a test that needs it fails, saying where it looked. Pulled into
//! each test crate with `#[path = "support/shared.rs"] mod shared;` (the
//! `parse_*` tests get it through `parse_common/shared.rs`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared folder, `$CARGO_MANIFEST_DIR/../shared`, holding `expected/`
/// and `samples/`.
///
/// # Panics
/// When it is not there, naming the path looked at.
pub fn shared_dir() -> PathBuf {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        beside.join("expected").is_dir() && beside.join("samples").is_dir(),
        "the shared test folder is missing: looked for {} (with expected/ and samples/ in it); \
         put the project's `shared` folder beside the checkout, as CI does",
        beside.display()
    );
    beside
}

/// `relative` (`expected/seed.json`) inside [`shared_dir`].
pub fn shared(relative: &str) -> PathBuf {
    shared_dir().join(relative)
}

/// Reads the text file `relative` inside [`shared_dir`].
///
/// # Panics
/// When the folder or the file cannot be read, naming the path.
pub fn read_shared(relative: &str) -> String {
    let path = shared(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
