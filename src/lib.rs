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
//! - [`sanitize`]: untrusted text (file names, stored strings) made safe to
//!   write to a terminal or a text file;
//! - [`cli`]: the command line, reading and opening an edition file,
//!   `--dump`, the bookmark listings;
//! - [`app`]: the reader's state and `update(Action)`: panes, search, read
//!   marks, the page-grouped headline list, the library screen (no terminal
//!   types);
//! - [`keymap`]: key and mouse events to actions (the config's `[keys]`
//!   applied), prompt edits, and the help overlay's lines;
//! - [`ui`]: widgets that render the [`app::App`] and the library screen,
//!   in the config's theme (no I/O);
//! - [`terminal`]: terminal set-up, the ambiguous-width probe and the event
//!   loop, the only place that does terminal and store I/O for the reader.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod edition;
pub mod keymap;
pub mod library;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod terminal;
pub mod typeset;
pub mod ui;
