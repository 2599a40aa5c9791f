mod bot;
mod report;

use rust_sc2::prelude::*;

use crate::bot::ScoutBot;
use crate::report::Settings;

fn main() -> SC2Result<()> {
    env_logger::init();

    let settings = Settings::from_env();
    let map = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "EternalEmpireLE".to_string());
    let difficulty = match std::env::var("SC2_DIFFICULTY").as_deref() {
        Ok("easy") => Difficulty::Easy,
        Ok("hard") => Difficulty::Hard,
        Ok("elite") => Difficulty::CheatInsane,
        _ => Difficulty::Medium,
    };

    log::info!("starting ladder scout on {} against {:?}", map, difficulty);

    let mut bot = ScoutBot::new(settings);
    run_vs_computer(
        &mut bot,
        Computer::new(Race::Random, difficulty, None),
        &map,
        LaunchOptions::default(),
    )
}
