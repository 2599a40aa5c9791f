mod game;
mod leaderboard;
mod saves;

use ggez::conf::{WindowMode, WindowSetup};
use ggez::{event, ContextBuilder, GameResult};

fn main() -> GameResult {
    let (mut ctx, event_loop) = ContextBuilder::new("dodge-arcade", "Pixel Foundry")
        .window_setup(WindowSetup::default().title("Dodge!"))
        .window_mode(WindowMode::default().dimensions(800.0, 600.0))
        .build()?;

    let base = std::env::var("LEADERBOARD_URL")
        .unwrap_or_else(|_| "https://scores.pixelfoundry.example/api".into());
    let state = game::MainState::new(&mut ctx, leaderboard::Leaderboard::start(base), saves::Saves::open("dodge-saves.db")?)?;
    event::run(ctx, event_loop, state)
}
