use tetra::graphics::{self, Color};
use tetra::input::{self, Key};
use tetra::math::Vec2;
use tetra::{Context, ContextBuilder, State};

mod scores;

const SCREEN: (i32, i32) = (800, 600);

struct Rock {
    pos: Vec2<f32>,
    vel: Vec2<f32>,
}

struct GameState {
    ship: Vec2<f32>,
    rocks: Vec<Rock>,
    ticks: u64,
    alive: bool,
    board: scores::Board,
}

impl GameState {
    /// Called exactly once, by ContextBuilder::run, before the first frame.
    fn new(_ctx: &mut Context) -> tetra::Result<GameState> {
        let board = scores::Board::open().map_err(|e| tetra::TetraError::PlatformError(e.to_string()))?;
        Ok(GameState {
            ship: Vec2::new(400.0, 500.0),
            rocks: Vec::new(),
            ticks: 0,
            alive: true,
            board,
        })
    }

    fn spawn_rock(&mut self) {
        let x = rand::random::<f32>() * SCREEN.0 as f32;
        let vy = 2.0 + rand::random::<f32>() * (self.ticks as f32 / 600.0).min(6.0);
        self.rocks.push(Rock { pos: Vec2::new(x, -10.0), vel: Vec2::new(0.0, vy) });
    }
}

impl State for GameState {
    // Runs 60 times per second.
    fn update(&mut self, ctx: &mut Context) -> tetra::Result {
        if !self.alive {
            if input::is_key_pressed(ctx, Key::Space) {
                self.rocks.clear();
                self.ticks = 0;
                self.alive = true;
            }
            return Ok(());
        }
        self.ticks += 1;
        if input::is_key_down(ctx, Key::Left) {
            self.ship.x -= 5.0;
        }
        if input::is_key_down(ctx, Key::Right) {
            self.ship.x += 5.0;
        }
        if self.ticks % 20 == 0 {
            self.spawn_rock();
        }
        for r in &mut self.rocks {
            r.pos += r.vel;
        }
        self.rocks.retain(|r| r.pos.y < SCREEN.1 as f32 + 20.0);

        if self.rocks.iter().any(|r| r.pos.distance(self.ship) < 18.0) {
            self.alive = false;
            let score = self.ticks / 6;
            // local write + a single request on the shared agent, once per game over
            if let Err(e) = self.board.record(score) {
                eprintln!("could not record score: {e}");
            }
        }
        Ok(())
    }

    fn draw(&mut self, ctx: &mut Context) -> tetra::Result {
        let bg = if self.alive { Color::rgb(0.05, 0.05, 0.12) } else { Color::rgb(0.3, 0.05, 0.05) };
        graphics::clear(ctx, bg);
        Ok(())
    }
}

fn main() -> tetra::Result {
    ContextBuilder::new("Orbit Dodge", SCREEN.0, SCREEN.1)
        .quit_on_escape(true)
        .build()?
        .run(GameState::new)
}
