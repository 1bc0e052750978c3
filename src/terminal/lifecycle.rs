//! The terminal's life around the reader: asking it how wide it draws East
//! Asian Ambiguous characters (before the UI starts), taking it over (raw
//! mode, the alternate screen, mouse reporting), giving it back on every way
//! out (the end of the run, a panic, a signal), and giving it back for a
//! while when the reader is suspended (`Ctrl-Z`, `SIGTSTP`): stopped like
//! any job, then taken again on `SIGCONT` and drawn in full.

use std::io::Write as _;
use std::sync::mpsc;
use std::time::Duration;

use crate::typeset::AmbiguousWidth;

/// How long [`probe_ambiguous_width`] waits for the terminal's answer.
pub const PROBE_TIMEOUT: Duration = Duration::from_millis(100);

/// Asks the terminal how many columns it gives `“` (U+201C, East Asian
/// Ambiguous in UAX #11): on the alternate screen, moves to column 0, prints
/// it, and reads the cursor position back (a DSR query), then clears the
/// line and leaves the alternate screen, so the shell's screen (the prompt
/// line included) is left as it was. Falls back to
/// [`AmbiguousWidth::Narrow`] when the terminal does not answer within
/// `timeout` or anything fails. Call only when stdout is a terminal, before
/// the UI starts.
///
/// `crossterm::cursor::position` waits up to 2 s by itself, so it runs on a
/// helper thread and this function stops waiting after `timeout`; a late
/// answer is consumed by that thread.
pub fn probe_ambiguous_width(timeout: Duration) -> AmbiguousWidth {
    if crossterm::terminal::enable_raw_mode().is_err() {
        return AmbiguousWidth::Narrow;
    }
    let mut out = std::io::stdout();
    let answer = write_probe(&mut out)
        .and_then(|()| out.flush())
        .ok()
        .and_then(|()| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(crossterm::cursor::position());
            });
            rx.recv_timeout(timeout).ok().and_then(Result::ok)
        });
    let _ = erase_probe(&mut out).and_then(|()| out.flush());
    let _ = crossterm::terminal::disable_raw_mode();
    match answer {
        Some((column, _)) if column >= 2 => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// Switches to the alternate screen (xterm's mode 1049, which also saves the
/// cursor) and prints `“` at column 0 of the cursor's row.
fn write_probe(out: &mut impl std::io::Write) -> std::io::Result<()> {
    write!(out, "\x1b[?1049h\r\u{201c}")
}

/// Clears the probe's row and goes back to the main screen, restoring the
/// cursor saved by [`write_probe`].
fn erase_probe(out: &mut impl std::io::Write) -> std::io::Result<()> {
    write!(out, "\r\x1b[2K\x1b[?1049l")
}

/// Takes the terminal over: raw mode, the alternate screen, and mouse
/// reporting when asked for.
///
/// # Errors
/// The terminal refused a mode.
pub fn enter(mouse: bool) -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was before [`enter`]: mouse reporting
/// off, the cursor shown (frames hide it), the main screen, cooked mode.
/// For every way out: the end of the run, a panic on the event loop's
/// thread, a signal, a suspend. Errors are ignored: there is nothing left
/// to tell them on.
pub fn leave(mouse: bool) {
    let mut out = std::io::stdout().lock();
    if mouse {
        let _ = crossterm::execute!(out, crossterm::event::DisableMouseCapture);
    }
    let _ = crossterm::execute!(
        out,
        crossterm::style::SetAttribute(crossterm::style::Attribute::Reset),
        crossterm::cursor::Show,
        crossterm::terminal::LeaveAlternateScreen
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Suspends the reader as a shell job: gives the terminal back, stops the
/// process (the default action of `SIGTSTP`, which the shell sees as
/// `Ctrl-Z` in cooked mode), and once `SIGCONT` lets it go on, takes the
/// terminal again. The caller then draws the whole screen (the shell wrote
/// over it).
///
/// # Errors
/// The terminal refused a mode on the way back.
pub fn suspend(mouse: bool) -> std::io::Result<()> {
    leave(mouse);
    // SIGTSTP has a handler (the signal thread's, see `signals`), so raising
    // it would not stop us: this stops the process as its default action
    // would, and returns once the process is continued.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    enter(mouse)
}

/// A panic on this (the event loop's) thread gives the terminal back
/// before the panic message is printed. A panic on another thread (a
/// parse worker: its edition is then given up) leaves the reader running.
pub fn restore_on_panic(mouse: bool) {
    let ui = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui {
            leave(mouse);
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ambiguous_width_probe_prints_only_on_the_alternate_screen() {
        // The probe once printed `\r“` and cleared the line on the main
        // screen, wiping a prompt the cursor was still on. Now it enters the
        // alternate screen (CSI ? 1049 h) before printing, clears its row,
        // and leaves it (CSI ? 1049 l) last.
        let mut bytes = Vec::new();
        write_probe(&mut bytes).unwrap();
        let written = bytes.len();
        erase_probe(&mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(&text[..written], "\x1b[?1049h\r“");
        assert_eq!(&text[written..], "\r\x1b[2K\x1b[?1049l");
    }
}
