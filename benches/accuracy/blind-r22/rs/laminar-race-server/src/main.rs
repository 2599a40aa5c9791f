mod leaderboard;
mod protocol;
mod sessions;

use std::thread;
use std::time::Duration;

use laminar::{Config, Packet, Socket, SocketEvent};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::protocol::{ClientMsg, DecodeError, ServerMsg};
use crate::sessions::Sessions;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let bind = std::env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:27015".into());
    let db_config: r2d2_postgres::postgres::Config = std::env::var("DATABASE_URL")?.parse()?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let manager = PostgresConnectionManager::new(db_config, NoTls);
    // Every racer on the grid keeps a connection (see sessions.rs), so size
    // the pool for a full server.
    let pool = r2d2::Pool::builder()
        .max_size(64)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)?;

    let mut socket = Socket::bind_with_config(
        bind.as_str(),
        Config {
            idle_connection_timeout: Duration::from_secs(10),
            heartbeat_interval: Some(Duration::from_secs(2)),
            ..Config::default()
        },
    )?;
    let sender = socket.get_packet_sender();
    let events = socket.get_event_receiver();
    thread::spawn(move || socket.start_polling());
    log::info!("race server listening on {bind}");

    let mut sessions = Sessions::new(pool);

    for event in events.iter() {
        match event {
            SocketEvent::Connect(addr) => log::debug!("{addr}: connection established"),
            SocketEvent::Packet(packet) => {
                let addr = packet.addr();
                let msg = match protocol::decode(packet.payload()) {
                    Ok(m) => m,
                    Err(DecodeError::Version(v)) => {
                        let reply = ServerMsg::Error { message: format!("client protocol {v} unsupported") };
                        sender.send(Packet::reliable_unordered(addr, protocol::encode(&reply)))?;
                        continue;
                    }
                    Err(DecodeError::Malformed(e)) => {
                        log::debug!("{addr}: bad packet: {e}");
                        continue;
                    }
                };
                let reply = match msg {
                    ClientMsg::Hello { player_token, .. } => sessions.hello(addr, &player_token),
                    ClientMsg::Lap { track, lap_ms } => sessions.record_lap(addr, &track, lap_ms),
                    ClientMsg::Finish { track, total_ms } => {
                        let res = sessions.record_finish(addr, &track, total_ms);
                        if let Ok(ServerMsg::Finished { ref player, .. }) = res {
                            if let Err(e) = leaderboard::announce(&redis_url, &track, player, total_ms) {
                                log::warn!("leaderboard publish failed: {e}");
                            }
                        }
                        res
                    }
                };
                let reply = reply.unwrap_or_else(|e| ServerMsg::Error { message: e.to_string() });
                sender.send(Packet::reliable_ordered(addr, protocol::encode(&reply), None))?;
            }
            SocketEvent::Timeout(addr) | SocketEvent::Disconnect(addr) => sessions.drop_addr(&addr),
        }
    }
    Ok(())
}
