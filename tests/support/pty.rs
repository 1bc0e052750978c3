//! The real binary in a pseudo-terminal, for tests that need the bytes it
//! writes to a terminal. Pulled in with `#[path = "support/pty.rs"] mod pty;`.

#![allow(dead_code, clippy::unwrap_used)]

use std::ffi::OsStr;
use std::io::{Read as _, Write as _};
use std::os::fd::OwnedFd;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::fcntl::{FcntlArg, FdFlag, fcntl};
use nix::pty::{Winsize, openpty};

/// The bytes that end every frame (the cursor hidden again).
pub const HIDE: &[u8] = b"\x1b[?25l";

/// A running reader in a pseudo-terminal, with what it wrote.
pub struct Pty {
    /// The reader's process (its pid, for signals).
    pub child: Child,
    /// The terminal's side of the pseudo-terminal: keys go in, modes are
    /// read from it.
    pub master: std::fs::File,
    output: mpsc::Receiver<Vec<u8>>,
    /// Everything written so far.
    pub seen: Vec<u8>,
}

/// Where and how [`Pty::launch`] starts the reader.
pub struct Launch<'a> {
    /// The data directory (`--data-dir`).
    pub data: &'a Path,
    /// The home directory; the config is looked for under it.
    pub home: &'a Path,
    /// The terminal's width in columns (its height is 30 rows).
    pub cols: u16,
}

impl Pty {
    /// Starts `newsreader ARGS` in a 120×30 terminal with `home` as its
    /// home and `home/data` as its data directory, and no config of the
    /// user's.
    pub fn start<I, S>(args: I, home: &Path) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let data = home.join("data");
        let launch = Launch {
            data: &data,
            home,
            cols: 120,
        };
        Pty::launch(&launch, args)
    }

    /// Starts `newsreader ARGS` as `launch` says, with the narrow
    /// ambiguous width and none of the caller's `NEWSREADER_*` settings.
    pub fn launch<I, S>(launch: &Launch<'_>, args: I) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Pty::launch_with(launch, args, None)
    }

    /// [`Pty::launch`] with standard input a pipe that brings `input` (as
    /// in `pdftotext paper.pdf - | newsreader`): the pseudo-terminal is
    /// then the reader's controlling terminal, `/dev/tty`, where its keys
    /// come from. Needs util-linux's `setsid` (it is written to
    /// `home/piped-input` first); the process is `sh`, the pipeline's
    /// parent, which ends with the reader's status.
    pub fn launch_piped<I, S>(launch: &Launch<'_>, args: I, input: Vec<u8>) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Pty::launch_with(launch, args, Some(input))
    }

    fn launch_with<I, S>(launch: &Launch<'_>, args: I, input: Option<Vec<u8>>) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let size = Winsize {
            ws_row: 30,
            ws_col: launch.cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = openpty(Some(&size), None).unwrap();
        // openpty's descriptors are inherited across exec: closed there, or
        // readers started by tests running alongside would hold this
        // terminal open (and it would never hang up).
        for fd in [&pty.master, &pty.slave] {
            fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).unwrap();
        }
        let slave: OwnedFd = pty.slave;
        let reader = env!("CARGO_BIN_EXE_newsreader");
        let mut command = match &input {
            None => Command::new(reader),
            Some(input) => {
                // `setsid -c` makes the pseudo-terminal (its stdin) the
                // controlling terminal of a new session, then the shell
                // pipes the input into the reader (no `unsafe` pre_exec:
                // the crate forbids unsafe code).
                let path = launch.home.join("piped-input");
                std::fs::write(&path, input).unwrap();
                let mut command = Command::new("setsid");
                command
                    .args(["-w", "-c", "sh", "-c"])
                    .arg(r#"input=$1; shift; cat "$input" | exec "$@""#)
                    .arg("sh")
                    .arg(path)
                    .arg(reader);
                command
            }
        };
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("NEWSREADER_") {
                command.env_remove(name);
            }
        }
        command
            .args(["--ambiguous-width", "narrow", "--data-dir"])
            .arg(launch.data)
            .args(args)
            .env("HOME", launch.home)
            .env("XDG_CONFIG_HOME", launch.home.join("config"))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        let child = command.stdin(Stdio::from(slave)).spawn().unwrap();
        let master = std::fs::File::from(pty.master);
        let mut reading = master.try_clone().unwrap();
        let (sender, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Ends with an error (EIO) once the reader's side is closed.
            while let Ok(n @ 1..) = reading.read(&mut buf) {
                if sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            master,
            output,
            seen: Vec::new(),
        }
    }

    /// Takes in what the reader wrote within `timeout`; false if nothing.
    pub fn pump(&mut self, timeout: Duration) -> bool {
        match self.output.recv_timeout(timeout) {
            Ok(bytes) => {
                self.seen.extend(bytes);
                true
            }
            Err(_) => false,
        }
    }

    /// Reads until `wanted` has been written (after `from`), at most 10 s.
    pub fn wait_for(&mut self, wanted: &[u8], from: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !contains(&self.seen[from..], wanted) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!(
                    "{:?} not written; got {:?}",
                    String::from_utf8_lossy(wanted),
                    String::from_utf8_lossy(&self.seen[self.seen.len().saturating_sub(600)..])
                ),
            }
        }
    }

    /// Presses `keys` and waits for the frame they bring.
    pub fn press(&mut self, keys: &[u8]) {
        let from = self.seen.len();
        self.master.write_all(keys).unwrap();
        self.wait_for(HIDE, from);
    }

    /// Writes `keys` without waiting for a frame.
    pub fn send(&mut self, keys: &[u8]) {
        self.master.write_all(keys).unwrap();
    }

    /// Waits for the reader to end (at most 10 s) and returns all it wrote,
    /// and the terminal (for its modes).
    pub fn end(mut self) -> (std::process::ExitStatus, Vec<u8>, std::fs::File) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the reader did not end");
            std::thread::sleep(Duration::from_millis(20));
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.seen.extend(bytes);
        }
        (status, self.seen, self.master)
    }
}

/// True when `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
