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
//!   marks, the page-grouped headline list, the library screen. No terminal
//!   types: nothing of crossterm, and of ratatui only the plain geometry
//!   values of `ratatui::layout` (`Rect`, `Position`, and `Layout` to split a
//!   rectangle), which hold no terminal state and do no I/O; they are shared
//!   with [`ui`] so that both compute a pane's size once ([`app::layout`]);
//! - [`keymap`]: key and mouse events to actions (the config's `[keys]`
//!   applied), prompt edits, and the help overlay's lines;
//! - [`ui`]: widgets that render the [`app::App`] and the library screen,
//!   in the config's theme (no I/O);
//! - [`terminal`]: terminal set-up, give-back and suspend, signals, the
//!   ambiguous-width probe, the event loop and the runner of the app's
//!   effects: the only place that does terminal and store I/O for the reader.
//!
//! One key, from the terminal to the screen (`j` in the reading pane):
//! 1. the input thread (`terminal::events::read_input`) gets it from
//!    `crossterm::event::read` and sends it on the event loop's one channel;
//! 2. the loop (`terminal::events::run_loop`) receives it, and `on_key`
//!    asks [`keymap::Keymap::input`] what it means in the current
//!    [`app::Mode`]: `Input::Action(Action::ScrollDown)` (in a prompt it
//!    would be an `Input::Edit`);
//! 3. the terminal's own actions (redraw, suspend) are done there, and
//!    this one goes to [`app::App::update`], which matches on the
//!    [`app::Mode`] (on the library screen it hands the action to
//!    [`app::shelf::Shelf::update`]) and here moves the reading pane's top
//!    row (`reader.scroll`, `reader.top`);
//! 4. the [`app::Effect`] it may return (a bookmark to save, text to copy)
//!    is carried out by `terminal::effects::run`;
//! 5. back at the top of the loop, the [`app::App`] is rendered (`impl
//!    Widget for &App` in [`ui`]) into a buffer, and
//!    [`terminal::screen::Screen::draw`] writes the cells that differ from
//!    the frame shown, in one write (none, if the key changed nothing);
//! 6. then the reading position goes to the store's saver thread
//!    (`terminal::reading::save_reading`), which wakes the loop when saved.

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
