mod history;
mod leaderboard;
mod scoring;

use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::prelude::*;

fn main() {
    App::new()
        .add_plugins(MinimalPlugins.set(ScheduleRunnerPlugin::run_loop(Duration::from_secs_f64(1.0 / 30.0))))
        .add_event::<scoring::KillEvent>()
        .add_event::<scoring::MatchEnded>()
        .init_resource::<scoring::Scoreboard>()
        .add_plugins((leaderboard::LeaderboardPlugin, history::MatchHistoryPlugin))
        .add_systems(Update, (scoring::simulate_round, scoring::tally, scoring::publish_kill_feed).chain())
        .run();
}
