use std::time::Duration;

use bevy::prelude::*;
use bevy::time::common_conditions::on_timer;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::scoring::{KillEvent, Scoreboard};

#[derive(Resource, Clone)]
pub struct LeaderboardDb(pub r2d2::Pool<PostgresConnectionManager<NoTls>>);

pub struct LeaderboardPlugin;

impl Plugin for LeaderboardPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, connect_leaderboard_db).add_systems(
            Update,
            (
                persist_kills,
                push_live_scores.run_if(on_timer(Duration::from_secs(5))),
            ),
        );
    }
}

fn connect_leaderboard_db(mut commands: Commands) {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let manager = PostgresConnectionManager::new(url.parse().expect("valid DATABASE_URL"), NoTls);
    let pool = r2d2::Pool::builder().max_size(8).build(manager).expect("leaderboard pool");
    commands.insert_resource(LeaderboardDb(pool));
}

fn persist_kills(mut kills: EventReader<KillEvent>, db: Res<LeaderboardDb>) {
    let batch: Vec<&KillEvent> = kills.read().collect();
    if batch.is_empty() {
        return;
    }
    let mut conn = match db.0.get() {
        Ok(conn) => conn,
        Err(err) => {
            error!("leaderboard db: {err}");
            return;
        }
    };
    for kill in batch {
        if let Err(err) = conn.execute(
            "INSERT INTO player_stats (player, kills) VALUES ($1, 1) \
             ON CONFLICT (player) DO UPDATE SET kills = player_stats.kills + 1",
            &[&kill.killer],
        ) {
            error!("persist kill: {err}");
        }
    }
}

fn push_live_scores(board: Res<Scoreboard>) {
    let endpoint = std::env::var("SCORES_WEBHOOK").unwrap_or_else(|_| "http://web:3000/internal/scores".to_owned());
    let client = reqwest::blocking::Client::new();
    if let Err(err) = client.post(endpoint).json(&*board).send() {
        warn!("live scores push failed: {err}");
    }
}
