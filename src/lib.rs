//! `newsreader`: read a day's newspaper, as a PDF extractor left it, in the
//! terminal.
//!
//! Module map, dependencies pointing inward:
//! - [`edition`]: the edition model, decoding and the layout-recovery parser
//!   (no I/O, no terminal);
//! - [`typeset`]: CJK/Latin line breaking and display width (no terminal);
//! - [`store`]: bookmarks and reading positions on disk (no terminal);
//! - [`search`]: folded full-edition text search (no terminal);
//! - [`config`]: `config.toml` settings and key specs (no terminal);
//! - [`library`]: listing many editions by date without parsing them;
//! - [`clipboard`]: OSC 52 copy sequences and article plain text.

pub mod clipboard;
pub mod config;
pub mod edition;
pub mod library;
pub mod search;
pub mod store;
pub mod typeset;
