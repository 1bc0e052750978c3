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
//! - [`clipboard`]: OSC 52 copy sequences and article plain text;
//! - [`cli`]: the command line, reading the edition file, `--dump`;
//! - [`app`]: the reader's state and `update(Action)` (no terminal types);
//! - [`keymap`]: key events to actions, and the help overlay's lines;
//! - [`ui`]: widgets that render the [`app::App`] (no I/O);
//! - [`terminal`]: terminal set-up, the ambiguous-width probe and the event
//!   loop, the only place that does terminal and store I/O for the reader.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod edition;
pub mod keymap;
pub mod library;
pub mod search;
pub mod store;
pub mod terminal;
pub mod typeset;
pub mod ui;
