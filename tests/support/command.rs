//! The binary under test, sealed off from the user running the tests
//! (ripgrep's and bat's habit): none of the tool's own `NEWSREADER_*`
//! variables, nor `NO_COLOR`, get through, and `HOME` and the XDG config,
//! data and state directories point into a temp dir, so a real config file
//! or state file can never leak in. Pulled into each test crate with
//! `#[path = "support/command.rs"] mod command;`.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

/// `newsreader` with a clean environment: `home` as `HOME` (with
/// `XDG_CONFIG_HOME`, `XDG_DATA_HOME` and `XDG_STATE_HOME` under it; none
/// need exist) and `data` as `NEWSREADER_DATA_DIR`.
pub fn newsreader(home: &Path, data: &Path) -> Command {
    Command::from_std(clean(home, data))
}

/// [`newsreader`] as a plain `std::process::Command`, standard input the
/// null device: `assert_cmd` always gives the program a pipe on standard
/// input, which `newsreader` with no FILE reads as the edition (as `less`
/// does), so a test of what no FILE and no input do needs this.
pub fn newsreader_without_input(home: &Path, data: &Path) -> std::process::Command {
    let mut cmd = clean(home, data);
    cmd.stdin(std::process::Stdio::null());
    cmd
}

/// The binary with the caller's `NEWSREADER_*` and `NO_COLOR` removed and
/// `home` and `data` set as [`newsreader`] says.
fn clean(home: &Path, data: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("newsreader"));
    for (name, _) in std::env::vars_os() {
        let text = name.to_string_lossy();
        if text.starts_with("NEWSREADER_") || text == "NO_COLOR" {
            cmd.env_remove(name);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .env("NEWSREADER_DATA_DIR", data);
    cmd
}
