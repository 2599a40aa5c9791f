//! Ban enforcement: anyone with an active ban row is kicked on join.

use mysql::prelude::*;
use mysql::{Opts, Pool};
use valence::client::DisconnectClient;
use valence::prelude::*;

#[derive(Resource)]
struct BanStore {
    pool: Pool,
}

pub struct PunishPlugin;

impl Plugin for PunishPlugin {
    fn build(&self, app: &mut App) {
        let url = std::env::var("NETWORK_DB_URL").expect("NETWORK_DB_URL is not set");
        let pool = Pool::new(Opts::from_url(&url).expect("invalid NETWORK_DB_URL"))
            .expect("cannot reach the network database");

        app.insert_resource(BanStore { pool })
            .add_systems(Update, enforce_bans);
    }
}

fn enforce_bans(
    mut commands: Commands,
    store: Res<BanStore>,
    joined: Query<(Entity, &UniqueId), Added<Client>>,
) {
    for (entity, uuid) in &joined {
        let reason: Option<String> = store
            .pool
            .get_conn()
            .and_then(|mut conn| {
                conn.exec_first(
                    "SELECT reason FROM bans WHERE player_uuid = ? AND (expires_at IS NULL OR expires_at > NOW())",
                    (uuid.0.to_string(),),
                )
            })
            .unwrap_or(None);

        if let Some(reason) = reason {
            commands.add(DisconnectClient {
                client: entity,
                reason: format!("You are banned from Emberfall: {reason}").color(Color::RED),
            });
        }
    }
}
