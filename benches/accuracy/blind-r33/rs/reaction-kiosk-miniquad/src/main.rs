mod scores;

use std::time::{Duration, Instant};

use miniquad::*;

enum Phase {
    Waiting { go_at: Instant },
    Go { since: Instant },
    Result { ms: u128 },
}

struct Stage {
    ctx: Box<dyn RenderingBackend>,
    phase: Phase,
    board: scores::Board,
    round: u64,
}

impl Stage {
    fn new() -> Stage {
        let ctx: Box<dyn RenderingBackend> = window::new_rendering_backend();
        // SQLite file and leaderboard uploader are opened once for the kiosk's lifetime.
        let board = scores::Board::open("kiosk-scores.db").expect("cannot open score store");
        Stage { ctx, phase: next_wait(), board, round: 0 }
    }
}

fn next_wait() -> Phase {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let jitter = (nanos % 2000) as u64;
    Phase::Waiting { go_at: Instant::now() + Duration::from_millis(1500 + jitter) }
}

impl EventHandler for Stage {
    fn update(&mut self) {
        if let Phase::Waiting { go_at } = self.phase {
            if Instant::now() >= go_at {
                self.phase = Phase::Go { since: Instant::now() };
            }
        }
    }

    fn draw(&mut self) {
        let color = match self.phase {
            Phase::Waiting { .. } => (0.6, 0.1, 0.1, 1.0),
            Phase::Go { .. } => (0.1, 0.7, 0.2, 1.0),
            Phase::Result { ms } if ms < 250 => (0.9, 0.8, 0.1, 1.0),
            Phase::Result { .. } => (0.2, 0.2, 0.6, 1.0),
        };
        self.ctx.begin_default_pass(PassAction::clear_color(color.0, color.1, color.2, color.3));
        self.ctx.end_render_pass();
        self.ctx.commit_frame();
    }

    fn key_down_event(&mut self, keycode: KeyCode, _mods: KeyMods, repeat: bool) {
        if repeat || keycode != KeyCode::Space {
            return;
        }
        match self.phase {
            Phase::Go { since } => {
                let ms = since.elapsed().as_millis();
                self.round += 1;
                self.board.record(self.round, ms as i64);
                self.phase = Phase::Result { ms };
            }
            Phase::Waiting { .. } => self.phase = next_wait(), // false start
            Phase::Result { .. } => self.phase = next_wait(),
        }
    }
}

fn main() {
    let conf = conf::Conf {
        window_title: "Reaction!".to_owned(),
        fullscreen: true,
        ..Default::default()
    };
    miniquad::start(conf, || Box::new(Stage::new()));
}
