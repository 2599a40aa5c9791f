//! Cave Run, the attract-mode roguelike on the lobby kiosk. Runs 24/7.
mod scores;

use bracket_lib::prelude::*;

const WIDTH: i32 = 80;
const HEIGHT: i32 = 50;

#[derive(PartialEq)]
enum Mode {
    Playing,
    GameOver,
}

struct State {
    mode: Mode,
    frame: u64,
    player: Point,
    gold: Vec<Point>,
    score: i32,
    board: Vec<(String, i32)>,
    submitted: bool,
}

impl State {
    fn new() -> Self {
        let mut rng = RandomNumberGenerator::new();
        let gold = (0..25)
            .map(|_| Point::new(rng.range(1, WIDTH - 1), rng.range(1, HEIGHT - 1)))
            .collect();
        State { mode: Mode::Playing, frame: 0, player: Point::new(40, 25), gold, score: 0, board: Vec::new(), submitted: false }
    }

    fn on_pickup(&mut self) {
        self.score += 10;
        let http = reqwest::blocking::Client::new();
        let _ = http
            .post("http://kiosk-stats.local/api/events")
            .json(&serde_json::json!({ "event": "gold", "score": self.score }))
            .send();
    }

    fn play(&mut self, ctx: &mut BTerm) {
        if let Some(key) = ctx.key {
            let delta = match key {
                VirtualKeyCode::Left => Point::new(-1, 0),
                VirtualKeyCode::Right => Point::new(1, 0),
                VirtualKeyCode::Up => Point::new(0, -1),
                VirtualKeyCode::Down => Point::new(0, 1),
                VirtualKeyCode::Escape => {
                    self.mode = Mode::GameOver;
                    return;
                }
                _ => Point::zero(),
            };
            self.player += delta;
        }
        if let Some(idx) = self.gold.iter().position(|g| *g == self.player) {
            self.gold.remove(idx);
            self.on_pickup();
        }
        if self.gold.is_empty() || self.frame > 60 * 120 {
            self.mode = Mode::GameOver;
        }
        for g in &self.gold {
            ctx.set(g.x, g.y, RGB::named(GOLD), RGB::named(BLACK), to_cp437('$'));
        }
        ctx.set(self.player.x, self.player.y, RGB::named(YELLOW), RGB::named(BLACK), to_cp437('@'));
        ctx.print(1, 0, format!("Score: {}", self.score));
    }

    fn game_over(&mut self, ctx: &mut BTerm) {
        if self.frame % 120 == 0 {
            if let Ok(mut client) = scores::connect() {
                if !self.submitted {
                    let _ = scores::submit(&mut client, "KSK", self.score);
                    self.submitted = true;
                }
                if let Ok(board) = scores::top_ten(&mut client) {
                    self.board = board;
                }
            }
        }
        ctx.print_centered(5, "GAME OVER - press SPACE");
        for (i, (initials, score)) in self.board.iter().enumerate() {
            ctx.print_centered(8 + i as i32, format!("{initials:>4} {score:>8}"));
        }
        if ctx.key == Some(VirtualKeyCode::Space) {
            *self = State::new();
        }
    }
}

impl GameState for State {
    fn tick(&mut self, ctx: &mut BTerm) {
        ctx.cls();
        self.frame += 1;
        match self.mode {
            Mode::Playing => self.play(ctx),
            Mode::GameOver => self.game_over(ctx),
        }
    }
}

fn main() -> BError {
    let context = BTermBuilder::simple80x50()
        .with_title("Cave Run")
        .with_fps_cap(60.0)
        .build()?;
    main_loop(context, State::new())
}
