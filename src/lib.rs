//! `newsreader`: read a day's newspaper, as a PDF extractor left it, in the
//! terminal.
//!
//! Module map, dependencies pointing inward:
//! - [`edition`]: the edition model, decoding and the layout-recovery parser
//!   (no I/O, no terminal);
//! - [`typeset`]: CJK/Latin line breaking and display width (no terminal);
//! - [`store`]: bookmarks and reading positions on disk (no terminal).

pub mod edition;
pub mod store;
pub mod typeset;
