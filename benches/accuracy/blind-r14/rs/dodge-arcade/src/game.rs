use ggez::event::EventHandler;
use ggez::glam::Vec2;
use ggez::graphics::{self, Color, DrawMode, Mesh, Rect, Text};
use ggez::input::keyboard::{KeyCode, KeyInput};
use ggez::{Context, GameResult};
use rand::Rng;

use crate::leaderboard::{Entry, Leaderboard, Score};
use crate::saves::Saves;

pub struct MainState {
    player_x: f32,
    rocks: Vec<Vec2>,
    points: u32,
    alive: bool,
    since_refresh: f32,
    top: Vec<Entry>,
    best: u32,
    leaderboard: Leaderboard,
    saves: Saves,
}

impl MainState {
    pub fn new(_ctx: &mut Context, leaderboard: Leaderboard, saves: Saves) -> GameResult<Self> {
        leaderboard.refresh();
        let best = saves.best();
        Ok(Self { player_x: 400.0, rocks: Vec::new(), points: 0, alive: true, since_refresh: 0.0, top: Vec::new(), best, leaderboard, saves })
    }

    fn game_over(&mut self) {
        self.alive = false;
        self.saves.record(self.points);
        self.best = self.best.max(self.points);
        let player = std::env::var("USER").unwrap_or_else(|_| "anon".into());
        self.leaderboard.submit(Score { player, points: self.points });
    }
}

impl EventHandler for MainState {
    fn update(&mut self, ctx: &mut Context) -> GameResult {
        let dt = ctx.time.delta().as_secs_f32();

        self.since_refresh += dt;
        if self.since_refresh > 30.0 {
            self.since_refresh = 0.0;
            self.leaderboard.refresh();
        }
        if let Some(top) = self.leaderboard.poll_top() {
            self.top = top;
        }

        if !self.alive {
            return Ok(());
        }
        let mut rng = rand::thread_rng();
        if rng.gen_bool(0.05) {
            self.rocks.push(Vec2::new(rng.gen_range(0.0..800.0), -20.0));
        }
        for rock in &mut self.rocks {
            rock.y += 240.0 * dt;
        }
        self.rocks.retain(|r| r.y < 620.0);
        self.points += 1;
        if self.rocks.iter().any(|r| (r.x - self.player_x).abs() < 20.0 && (r.y - 560.0).abs() < 20.0) {
            self.game_over();
        }
        Ok(())
    }

    fn draw(&mut self, ctx: &mut Context) -> GameResult {
        let mut canvas = graphics::Canvas::from_frame(ctx, Color::from_rgb(12, 12, 24));
        let ship = Mesh::new_rectangle(ctx, DrawMode::fill(), Rect::new(-15.0, -10.0, 30.0, 20.0), Color::WHITE)?;
        canvas.draw(&ship, Vec2::new(self.player_x, 560.0));
        let rock = Mesh::new_circle(ctx, DrawMode::fill(), Vec2::ZERO, 10.0, 0.5, Color::from_rgb(180, 90, 40))?;
        for r in &self.rocks {
            canvas.draw(&rock, *r);
        }
        let mut hud = format!("score {}  best {}\n", self.points, self.best);
        for e in &self.top {
            hud.push_str(&format!("{:>8} {}\n", e.points, e.player));
        }
        if !self.alive {
            hud.push_str("GAME OVER - press R");
        }
        canvas.draw(&Text::new(hud), Vec2::new(10.0, 10.0));
        canvas.finish(ctx)
    }

    fn key_down_event(&mut self, _ctx: &mut Context, input: KeyInput, _repeated: bool) -> GameResult {
        match input.keycode {
            Some(KeyCode::Left) => self.player_x = (self.player_x - 25.0).max(15.0),
            Some(KeyCode::Right) => self.player_x = (self.player_x + 25.0).min(785.0),
            Some(KeyCode::R) if !self.alive => {
                self.rocks.clear();
                self.points = 0;
                self.alive = true;
            }
            _ => {}
        }
        Ok(())
    }
}
