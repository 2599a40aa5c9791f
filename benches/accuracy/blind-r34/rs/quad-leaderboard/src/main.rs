mod scores;
mod submit;

use std::time::{Duration, Instant};

use miniquad::*;

const REFRESH_EVERY: Duration = Duration::from_secs(10);
const LAST_SCORE_FILE: &str = "/run/arcade/last_score";

struct Leaderboard {
    ctx: Box<dyn RenderingBackend>,
    rows: Vec<scores::Entry>,
    last_refresh: Option<Instant>,
    initials: String,
}

impl Leaderboard {
    fn new() -> Self {
        Leaderboard {
            ctx: window::new_rendering_backend(),
            rows: Vec::new(),
            last_refresh: None,
            initials: String::new(),
        }
    }

    fn last_score() -> u32 {
        std::fs::read_to_string(LAST_SCORE_FILE)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }
}

impl EventHandler for Leaderboard {
    // called once per frame
    fn update(&mut self) {
        let due = self
            .last_refresh
            .map_or(true, |at| at.elapsed() >= REFRESH_EVERY);
        if !due {
            return;
        }
        self.last_refresh = Some(Instant::now());

        match scores::connect() {
            Ok(mut client) => match scores::top_ten(&mut client) {
                Ok(rows) => self.rows = rows,
                Err(e) => eprintln!("leaderboard query failed: {e}"),
            },
            Err(e) => eprintln!("leaderboard database unreachable: {e}"),
        }
    }

    fn draw(&mut self) {
        self.ctx
            .begin_default_pass(PassAction::clear_color(0.02, 0.02, 0.08, 1.0));
        // glyph atlas + quads for self.rows / self.initials are drawn here
        self.ctx.end_render_pass();
        self.ctx.commit_frame();
    }

    fn char_event(&mut self, character: char, _keymods: KeyMods, _repeat: bool) {
        if character.is_ascii_alphabetic() && self.initials.len() < 3 {
            self.initials.push(character.to_ascii_uppercase());
        }
    }

    fn key_down_event(&mut self, keycode: KeyCode, _keymods: KeyMods, _repeat: bool) {
        match keycode {
            KeyCode::Enter if self.initials.len() == 3 => {
                let score = Self::last_score();
                if let Err(e) = submit::post_score(&self.initials, score) {
                    eprintln!("could not submit score: {e}");
                }
                self.initials.clear();
                self.last_refresh = None;
            }
            KeyCode::Backspace => {
                self.initials.pop();
            }
            KeyCode::Escape => window::request_quit(),
            _ => {}
        }
    }
}

fn main() {
    let conf = conf::Conf {
        window_title: "High Scores".to_owned(),
        fullscreen: true,
        ..Default::default()
    };
    miniquad::start(conf, || Box::new(Leaderboard::new()));
}
