//! The binary with a config file: `--config PATH`, `--print-config`, config
//! errors (one line naming file, line and key; exit 2, before any terminal
//! use), and several files on the command line with `--dump`.
//!
//! Hermetic: the tool's own variables are cleared, the state directory and
//! the platform config directory (`XDG_CONFIG_HOME`) point at temp dirs.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use predicates::prelude::*;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

struct Env {
    cmd: Command,
    dir: tempfile::TempDir,
}

#[path = "support/command.rs"]
mod command;

fn newsreader() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = command::newsreader(&dir.path().join("home"), &dir.path().join("data"));
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config-home"));
    Env { cmd, dir }
}

impl Env {
    fn config(&mut self, text: &str) -> String {
        let path = self.dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        let path = path.display().to_string();
        self.cmd.args(["--config", &path]);
        path
    }
}

#[test]
fn unknown_key_is_one_line_with_file_line_and_key_and_exit_2() {
    let mut env = newsreader();
    let path = env.config("theme = \"dark\"\nmesure = 72\n");
    env.cmd
        .arg(SAMPLE)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!("newsreader: {path}:2: unknown key 'mesure'\n"));
}

#[test]
fn bad_value_and_unknown_action_are_exit_2_naming_the_line() {
    let mut env = newsreader();
    let path = env.config("\n\ntheme = \"blue\"\n");
    env.cmd.arg(SAMPLE).assert().code(2).stderr(
        predicate::str::starts_with(format!("newsreader: {path}:3: bad value for 'theme'"))
            .and(predicate::str::contains("\n").count(1)),
    );
    let mut env = newsreader();
    let path = env.config("[keys]\nscroll_dwon = \"j\"\n");
    env.cmd.arg(SAMPLE).assert().code(2).stderr(
        predicate::str::starts_with(format!("newsreader: {path}:2:"))
            .and(predicate::str::contains("scroll_dwon")),
    );
}

#[test]
fn missing_config_given_with_the_flag_is_exit_2() {
    let mut env = newsreader();
    let path = env.dir.path().join("nope.toml").display().to_string();
    env.cmd
        .args(["--config", &path, SAMPLE])
        .assert()
        .code(2)
        .stderr(format!("newsreader: {path}: no such config file\n"));
}

#[test]
fn print_config_prints_every_setting_and_the_live_key_bindings() {
    let mut env = newsreader();
    env.config("measure = 60\n[keys]\nscroll_down = \"e\"\n");
    let output = env.cmd.arg("--print-config").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let printed: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(printed["theme"].as_str(), Some("dark"));
    assert_eq!(printed["measure"].as_integer(), Some(60));
    assert_eq!(printed["justify"].as_bool(), Some(false));
    assert_eq!(printed["ambiguous_width"].as_str(), Some("auto"));
    assert_eq!(printed["mouse"].as_bool(), Some(false));
    assert_eq!(
        printed["search"]["fold_chinese_variants"].as_bool(),
        Some(false)
    );
    let keys = &printed["keys"];
    assert_eq!(keys["scroll_down"].as_array().unwrap().len(), 1);
    assert_eq!(keys["scroll_down"][0].as_str(), Some("e"));
    // Untouched actions keep their defaults, new ones included.
    assert_eq!(keys["scroll_up"][0].as_str(), Some("k"));
    assert_eq!(keys["search"][0].as_str(), Some("/"));
    assert_eq!(keys["page_3"][0].as_str(), Some("3"));
}

#[test]
fn no_color_makes_the_printed_theme_mono() {
    let mut env = newsreader();
    env.config("theme = \"light\"\n");
    let output = env
        .cmd
        .env("NO_COLOR", "1")
        .arg("--print-config")
        .output()
        .unwrap();
    let printed: toml::Value = toml::from_str(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(printed["theme"].as_str(), Some("mono"));
}

#[test]
fn platform_config_file_is_read_when_no_flag_is_given() {
    let mut env = newsreader();
    let dir = env.dir.path().join("config-home/newsreader");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "justify = true\n").unwrap();
    let output = env.cmd.arg("--print-config").output().unwrap();
    let printed: toml::Value = toml::from_str(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(printed["justify"].as_bool(), Some(true));
}

#[test]
fn dump_of_several_files_heads_each_text_and_gives_json_lines() {
    let env = newsreader();
    let copy = env.dir.path().join("copy.txt");
    std::fs::copy(SAMPLE, &copy).unwrap();
    let copy = copy.display().to_string();
    let mut cmd = env.cmd;
    let output = cmd
        .args(["--dump", "text", SAMPLE, &copy])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with(&format!("==> {SAMPLE} <==\n")));
    assert!(text.contains(&format!("\n\n==> {copy} <==\n")));
    let halves: Vec<&str> = text.split("==> ").collect();
    assert_eq!(halves.len(), 3);

    // JSON: one compact document per file, one per line, in the order
    // given.
    let env = newsreader();
    let other = env.dir.path().join("other.txt");
    std::fs::write(&other, "第二份报纸\n\n本报讯 正文一段。\n").unwrap();
    let other = other.display().to_string();
    let mut cmd = env.cmd;
    let output = cmd
        .args(["--dump", "json", &other, SAMPLE, &other])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let sources: Vec<String> = lines
        .iter()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            doc["source"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(sources, [other.as_str(), SAMPLE, other.as_str()]);
    assert!(text.ends_with("}\n"));
}

#[test]
fn dump_json_of_one_file_stays_pretty() {
    let mut env = newsreader();
    let output = env.cmd.args(["--dump", "json", SAMPLE]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("{\n  \"source\": "), "{}", &text[..40]);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["source"], SAMPLE);
}

#[test]
fn no_file_is_a_usage_error_agreeing_with_the_usage_line() {
    // Nothing on standard input: assert_cmd would give it a pipe, which is
    // read as the edition.
    let env = newsreader();
    let output = command::newsreader_without_input(
        &env.dir.path().join("home"),
        &env.dir.path().join("data"),
    )
    .env("XDG_CONFIG_HOME", env.dir.path().join("config-home"))
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.starts_with("error: no FILE given"), "{text}");
    assert!(
        text.contains("Usage: newsreader [OPTIONS] [FILE]..."),
        "{text}"
    );
    assert!(!text.contains("<FILE>"), "{text}");
}

#[test]
fn a_config_leaving_no_key_to_quit_is_rejected_with_exit_2() {
    let mut env = newsreader();
    let path = env.config("theme = \"dark\"\n\n[keys]\nquit = []\nexit = []\n");
    env.cmd
        .arg(SAMPLE)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "newsreader: {path}:4: no key left to quit: 'quit' and 'exit' have no keys\n"
        ));
    // Ctrl-C taken by another action leaves exit without its default key.
    let mut env = newsreader();
    let path = env.config("[keys]\nquit = []\nsearch = [\"ctrl-c\"]\n");
    env.cmd.arg(SAMPLE).assert().code(2).stderr(format!(
        "newsreader: {path}:2: no key left to quit: 'quit' and 'exit' have no keys\n"
    ));
    // One of them is enough.
    let mut env = newsreader();
    env.config("[keys]\nquit = []\n");
    env.cmd.arg("--print-config").assert().success();
}
