mod handlers;
mod leaderboard;
mod store;

use std::net::{SocketAddr, UdpSocket};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use renet::{ConnectionConfig, DefaultChannel, RenetServer, ServerEvent};
use renet_netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};

const PROTOCOL_ID: u64 = 0x4152_454e_4103;
const TICK: Duration = Duration::from_millis(16);

pub struct Game {
    pub db: store::DbPool,
    pub lobby: handlers::Lobby,
    pub webhook_url: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let addr: SocketAddr = std::env::var("ARENA_BIND")
        .unwrap_or_else(|_| "0.0.0.0:5000".into())
        .parse()?;

    let mut game = Game {
        db: store::build_pool()?,
        lobby: handlers::Lobby::default(),
        webhook_url: std::env::var("TOURNAMENT_WEBHOOK").ok(),
    };

    let mut server = RenetServer::new(ConnectionConfig::default());
    let socket = UdpSocket::bind(addr)?;
    let config = ServerConfig {
        current_time: SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?,
        max_clients: 64,
        protocol_id: PROTOCOL_ID,
        public_addresses: vec![addr],
        authentication: ServerAuthentication::Unsecure,
    };
    let mut transport = NetcodeServerTransport::new(config, socket)?;
    log::info!("arena server listening on {addr}");

    let mut last = Instant::now();
    loop {
        let now = Instant::now();
        let delta = now - last;
        last = now;

        server.update(delta);
        transport.update(delta, &mut server)?;

        while let Some(event) = server.get_event() {
            match event {
                ServerEvent::ClientConnected { client_id } => {
                    handlers::on_connect(&mut game, &mut server, client_id)
                }
                ServerEvent::ClientDisconnected { client_id, reason } => {
                    handlers::on_disconnect(&mut game, client_id, &format!("{reason:?}"))
                }
            }
        }

        for client_id in server.clients_id() {
            while let Some(bytes) = server.receive_message(client_id, DefaultChannel::ReliableOrdered) {
                if let Err(e) = handlers::on_message(&mut game, &mut server, client_id, &bytes) {
                    log::warn!("client {client_id}: {e}");
                }
            }
        }

        transport.send_packets(&mut server);
        thread::sleep(TICK);
    }
}
