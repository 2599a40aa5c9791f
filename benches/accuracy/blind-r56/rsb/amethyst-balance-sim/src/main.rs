//! Headless balance simulator. Amethyst runs the dispatcher 20 times a second;
//! the systems in systems.rs run on every frame for as long as the process
//! lives. Database and webhook I/O happen on one writer thread (persist.rs)
//! that owns the only connections.

mod persist;
mod systems;

use amethyst::{
    core::frame_limiter::FrameRateLimitStrategy,
    ecs::{Builder, WorldExt},
    prelude::*,
    utils::application_root_dir,
};

use systems::{ActiveMatch, MatchClockSystem, MatchSpawnSystem, ResultSystem};

struct Arena;

impl SimpleState for Arena {
    fn on_start(&mut self, data: StateData<'_, GameData<'_, '_>>) {
        let world = data.world;
        world.register::<ActiveMatch>();
        // seed one match so the first frame has something to simulate
        world
            .create_entity()
            .with(ActiveMatch::random())
            .build();
    }
}

fn main() -> amethyst::Result<()> {
    amethyst::start_logger(Default::default());
    let root = application_root_dir()?;

    let db_url = std::env::var("BALANCE_DB_URL")
        .unwrap_or_else(|_| "host=stats-db user=balance dbname=balance".to_string());
    let results = persist::start_writer(db_url)?;

    let game_data = GameDataBuilder::default()
        .with(MatchSpawnSystem::new(8), "match_spawn", &[])
        .with(MatchClockSystem, "match_clock", &["match_spawn"])
        .with(ResultSystem::new(results), "match_results", &["match_clock"]);

    let mut game = Application::build(root.join("assets"), Arena)?
        .with_frame_limit(FrameRateLimitStrategy::Sleep, 20)
        .build(game_data)?;
    game.run();
    Ok(())
}
