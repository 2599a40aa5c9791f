//! Runs on the dock terminals all shift long. The loop below wakes on every
//! key press and at least every 5 seconds to refresh the board.

mod backend;
mod render;

use std::time::{Duration, Instant};

use anyhow::Result;
use termwiz::caps::Capabilities;
use termwiz::input::{InputEvent, KeyCode, KeyEvent};
use termwiz::terminal::buffered::BufferedTerminal;
use termwiz::terminal::{new_terminal, Terminal};

use crate::backend::Backend;

const REFRESH: Duration = Duration::from_secs(5);

fn main() -> Result<()> {
    let dock = std::env::var("DOCK_ID").unwrap_or_else(|_| "D1".into());
    // Connects once (bounded retry) before the screen is taken over.
    let mut backend = Backend::connect_with_retry(&dock, 6)?;

    let caps = Capabilities::new_from_env()?;
    let mut buf = BufferedTerminal::new(new_terminal(caps)?)?;
    buf.terminal().set_raw_mode()?;
    buf.terminal().enter_alternate_screen()?;

    let mut selected = 0usize;
    let mut board = backend.refresh()?;
    let mut last_refresh = Instant::now();
    let mut status = String::from("r: refresh  up/down: select  a: mark loaded  q: quit");

    loop {
        render::draw(&mut buf, &dock, &board, selected, &status)?;

        let wait = REFRESH.saturating_sub(last_refresh.elapsed());
        match buf.terminal().poll_input(Some(wait))? {
            Some(InputEvent::Key(KeyEvent { key: KeyCode::Char('q'), .. })) => break,
            Some(InputEvent::Key(KeyEvent { key: KeyCode::UpArrow, .. })) => {
                selected = selected.saturating_sub(1);
            }
            Some(InputEvent::Key(KeyEvent { key: KeyCode::DownArrow, .. })) => {
                selected = (selected + 1).min(board.shipments.len().saturating_sub(1));
            }
            Some(InputEvent::Key(KeyEvent { key: KeyCode::Char('a'), .. })) => {
                if let Some(s) = board.shipments.get(selected) {
                    status = match backend.mark_loaded(&s.reference) {
                        Ok(()) => format!("{} marked loaded", s.reference),
                        Err(e) => format!("could not mark {}: {e}", s.reference),
                    };
                    last_refresh = Instant::now() - REFRESH;
                }
            }
            Some(InputEvent::Key(KeyEvent { key: KeyCode::Char('r'), .. })) => {
                last_refresh = Instant::now() - REFRESH;
            }
            Some(InputEvent::Resized { .. }) => {
                buf.check_for_resize()?;
            }
            _ => {}
        }

        if last_refresh.elapsed() >= REFRESH {
            match backend.refresh() {
                Ok(b) => board = b,
                Err(e) => status = format!("refresh failed: {e}"),
            }
            last_refresh = Instant::now();
        }
    }

    buf.terminal().exit_alternate_screen()?;
    buf.terminal().set_cooked_mode()?;
    backend.close();
    Ok(())
}
