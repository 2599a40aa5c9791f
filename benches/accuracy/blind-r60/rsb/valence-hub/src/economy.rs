//! Daily login bonus ("embers") credited when a player joins the hub.

use mysql::prelude::*;
use mysql::{Opts, Pool};
use valence::prelude::*;

#[derive(Resource, Clone)]
pub struct EconomyDb(Pool);

pub struct EconomyPlugin;

impl Plugin for EconomyPlugin {
    fn build(&self, app: &mut App) {
        let url = std::env::var("NETWORK_DB_URL").expect("NETWORK_DB_URL is not set");
        let pool = Pool::new(Opts::from_url(&url).expect("invalid NETWORK_DB_URL"))
            .expect("cannot reach the network database");

        app.insert_resource(EconomyDb(pool))
            .add_systems(Update, grant_login_bonus);
    }
}

fn grant_login_bonus(
    db: Res<EconomyDb>,
    mut joined: Query<(&Username, &UniqueId, &mut Client), Added<Client>>,
) {
    for (username, uuid, mut client) in &mut joined {
        let mut conn = match db.0.get_conn() {
            Ok(conn) => conn,
            Err(e) => {
                tracing::warn!("economy db unavailable: {e}");
                continue;
            }
        };

        let credited = conn
            .exec_drop(
                "INSERT IGNORE INTO login_bonus (player_uuid, day, amount) VALUES (?, CURRENT_DATE, 25)",
                (uuid.0.to_string(),),
            )
            .map(|_| conn.affected_rows() == 1)
            .unwrap_or(false);

        if credited {
            client.send_chat_message(
                format!("Welcome back {}! +25 embers", username.0).color(Color::GOLD),
            );
        }
    }
}
