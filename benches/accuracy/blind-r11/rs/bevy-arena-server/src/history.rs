use bevy::prelude::*;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::scoring::MatchEnded;

#[derive(Resource)]
struct HistoryDb(r2d2::Pool<PostgresConnectionManager<NoTls>>);

pub struct MatchHistoryPlugin;

impl Plugin for MatchHistoryPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, open_history_store)
            .add_systems(Update, record_match_end);
    }
}

fn open_history_store(mut commands: Commands) {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let manager = PostgresConnectionManager::new(url.parse().expect("valid DATABASE_URL"), NoTls);
    let pool = r2d2::Pool::builder().max_size(4).build(manager).expect("history pool");
    commands.insert_resource(HistoryDb(pool));
}

fn record_match_end(mut ended: EventReader<MatchEnded>, db: Res<HistoryDb>) {
    for ev in ended.read() {
        let match_id = ev.match_id as i64;
        match db.0.get() {
            Ok(mut conn) => {
                if let Err(err) = conn.execute(
                    "INSERT INTO matches (id, winner, ended_at) VALUES ($1, $2, now())",
                    &[&match_id, &ev.winner],
                ) {
                    error!("record match {match_id}: {err}");
                }
            }
            Err(err) => error!("history db: {err}"),
        }
    }
}
