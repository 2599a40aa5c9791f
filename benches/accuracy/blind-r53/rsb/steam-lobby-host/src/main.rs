use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use steamworks::{
    Client, GameLobbyJoinRequested, LobbyChatUpdate, LobbyId, LobbyType, SResult,
};

mod bans;
mod events;

/// Our game's AppID on Steam.
const APP_ID: u32 = 1_873_420;
const LOBBY_SLOTS: u32 = 16;

pub struct HostConfig {
    pub database_url: String,
    pub bans_api: String,
    pub region: String,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let config = Arc::new(HostConfig {
        database_url: std::env::var("LOBBY_DATABASE_URL")?,
        bans_api: std::env::var("BANS_API_URL")
            .unwrap_or_else(|_| "https://community.lanternfall.example/api/bans".into()),
        region: std::env::var("LOBBY_REGION").unwrap_or_else(|_| "eu-west".into()),
    });

    let (client, single) = Client::init_app(APP_ID)?;
    log::info!("signed in as {}", client.friends().name());

    let open_lobbies: Arc<Mutex<Vec<LobbyId>>> = Arc::new(Mutex::new(Vec::new()));

    {
        let lobbies = open_lobbies.clone();
        let mm = client.matchmaking();
        let region = config.region.clone();
        let matchmaking = client.matchmaking();
        mm.create_lobby(LobbyType::Public, LOBBY_SLOTS, move |res: SResult<LobbyId>| {
            match res {
                Ok(lobby) => {
                    matchmaking.set_lobby_data(lobby, "region", &region);
                    matchmaking.set_lobby_data(lobby, "mode", "community-coop");
                    lobbies.lock().unwrap().push(lobby);
                    log::info!("lobby {} created", lobby.raw());
                }
                Err(e) => log::error!("create_lobby failed: {e:?}"),
            }
        });
    }

    // Keep the handles alive for the whole run; dropping one unregisters it.
    let _chat_updates = {
        let cfg = config.clone();
        client.register_callback(move |update: LobbyChatUpdate| {
            if let Err(e) = events::on_lobby_chat_update(&cfg, &update) {
                log::warn!("lobby update not recorded: {e:#}");
            }
        })
    };

    let _join_requests = {
        let cfg = config.clone();
        let steam = client.clone();
        client.register_callback(move |req: GameLobbyJoinRequested| {
            events::on_join_requested(&cfg, &steam, &req);
        })
    };

    let mut last_heartbeat = Instant::now();
    loop {
        single.run_callbacks();

        if last_heartbeat.elapsed() > Duration::from_secs(60) {
            for lobby in open_lobbies.lock().unwrap().iter() {
                let members = client.matchmaking().lobby_member_count(*lobby);
                log::info!("lobby {} has {members} members", lobby.raw());
            }
            last_heartbeat = Instant::now();
        }

        thread::sleep(Duration::from_millis(50));
    }
}
