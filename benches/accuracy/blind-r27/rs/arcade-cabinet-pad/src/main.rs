//! arcade-cabinet-pad
//!
//! The cabinet's joystick/button encoder shows up as a gamepad. This loop runs
//! for as long as the bar is open: it drives the initials-entry screen and
//! saves scores locally and to the chain-wide leaderboard.

use std::time::Duration;

use gilrs::{Button, EventType, Gilrs};

mod leaderboard;
mod scores;

const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

struct Entry {
    initials: [u8; 3],
    cursor: usize,
    score: u32,
}

impl Entry {
    fn new(score: u32) -> Self {
        Self { initials: *b"AAA", cursor: 0, score }
    }

    fn cycle(&mut self, step: isize) {
        let slot = &mut self.initials[self.cursor];
        let pos = LETTERS.iter().position(|c| c == slot).unwrap_or(0) as isize;
        let next = (pos + step).rem_euclid(LETTERS.len() as isize) as usize;
        *slot = LETTERS[next];
    }

    fn initials(&self) -> String {
        String::from_utf8_lossy(&self.initials).trim().to_string()
    }
}

fn main() -> anyhow::Result<()> {
    let cabinet_id = std::env::var("CABINET_ID").unwrap_or_else(|_| "bar-01".into());
    let local = scores::LocalScores::open("/var/lib/cabinet/scores.db")?;
    let board = leaderboard::connect(&cabinet_id)?;

    let mut gilrs = Gilrs::new().map_err(|e| anyhow::anyhow!("gamepad init: {e}"))?;
    let mut entry: Option<Entry> = None;

    loop {
        while let Some(ev) = gilrs.next_event() {
            match (ev.event, entry.as_mut()) {
                (EventType::ButtonPressed(Button::Select, _), None) => {
                    // the emulator wrapper presses SELECT with the score in a file
                    let score = scores::read_last_score().unwrap_or(0);
                    if local.qualifies(score)? {
                        entry = Some(Entry::new(score));
                    }
                }
                (EventType::ButtonPressed(Button::DPadUp, _), Some(e)) => e.cycle(1),
                (EventType::ButtonPressed(Button::DPadDown, _), Some(e)) => e.cycle(-1),
                (EventType::ButtonPressed(Button::DPadRight, _), Some(e)) => {
                    e.cursor = (e.cursor + 1).min(2)
                }
                (EventType::ButtonPressed(Button::DPadLeft, _), Some(e)) => {
                    e.cursor = e.cursor.saturating_sub(1)
                }
                (EventType::ButtonPressed(Button::Start, _), Some(e)) => {
                    let initials = e.initials();
                    local.save(&initials, e.score)?;
                    if let Err(err) = board.submit(&initials, e.score) {
                        eprintln!("leaderboard offline, kept locally: {err}");
                    }
                    entry = None;
                }
                (EventType::Disconnected, _) => eprintln!("encoder {:?} disconnected", ev.id),
                _ => {}
            }
        }
        std::thread::sleep(Duration::from_millis(16));
    }
}
