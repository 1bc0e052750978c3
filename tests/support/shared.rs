//! Locating the shared read-only folder (sample editions, expected parses,
//! real extractor output) from a test: beside the crate in CI
//! (`$CARGO_MANIFEST_DIR/../shared`), else `/work/shared` (a helper's
//! worktree, where `../shared` is not there). Pulled into each test crate
//! with `#[path = "support/shared.rs"] mod shared;`.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared folder: `$CARGO_MANIFEST_DIR/../shared` when it holds the
/// expected parses and samples, else `/work/shared`.
pub fn shared_dir() -> PathBuf {
    let beside = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    if beside.join("expected").is_dir() && beside.join("samples").is_dir() {
        beside
    } else {
        PathBuf::from("/work/shared")
    }
}

/// `relative` (`expected/seed.json`) inside [`shared_dir`].
pub fn shared(relative: &str) -> PathBuf {
    shared_dir().join(relative)
}
