mod leaderboard;
mod moderation;
mod protocol;
mod sessions;

use std::net::Ipv4Addr;

use anyhow::Context;
use enet::{Address, BandwidthLimit, ChannelLimit, Enet, Event, Packet, PacketMode};

use leaderboard::Leaderboard;
use protocol::{ClientMsg, ServerMsg};
use sessions::SessionStore;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let port: u16 = std::env::var("LOBBY_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(7777);
    let enet = Enet::new().context("could not initialise ENet")?;
    let mut host = enet
        .create_host::<()>(
            Some(&Address::new(Ipv4Addr::UNSPECIFIED, port)),
            512,
            ChannelLimit::Limited(2),
            BandwidthLimit::Unlimited,
            BandwidthLimit::Unlimited,
        )
        .context("could not create ENet host")?;

    let mut sessions = SessionStore::open()?;
    let mut board = Leaderboard::open()?;
    log::info!("lobby listening on udp/{port}");

    loop {
        match host.service(50).context("ENet service failed")? {
            Some(Event::Connect(ref peer)) => log::debug!("peer connected: {:?}", peer.address()),
            Some(Event::Disconnect(ref peer, _)) => log::debug!("peer left: {:?}", peer.address()),
            Some(Event::Receive { ref mut sender, ref packet, .. }) => {
                let reply = match serde_json::from_slice::<ClientMsg>(packet.data()) {
                    Ok(msg) => handle(msg, &mut sessions, &mut board).unwrap_or_else(|err| {
                        Some(ServerMsg::Error { message: err.to_string() })
                    }),
                    Err(err) => Some(ServerMsg::Error { message: format!("bad message: {err}") }),
                };
                if let Some(reply) = reply {
                    let bytes = serde_json::to_vec(&reply)?;
                    sender.send_packet(Packet::new(&bytes, PacketMode::ReliableSequenced)?, 0)?;
                }
            }
            None => {}
        }
    }
}

fn handle(msg: ClientMsg, sessions: &mut SessionStore, board: &mut Leaderboard) -> anyhow::Result<Option<ServerMsg>> {
    match msg {
        ClientMsg::Hello { token } => {
            let player = sessions.resolve(&token)?;
            Ok(Some(ServerMsg::Welcome { player }))
        }
        ClientMsg::MatchResult { token, map, score } => {
            let player = sessions.resolve(&token)?;
            let rank = board.submit(&player, &map, score)?;
            Ok(Some(ServerMsg::Rank { map, rank }))
        }
        ClientMsg::Report { token, offender, reason } => {
            let reporter = sessions.resolve(&token)?;
            moderation::file_report(&reporter, &offender, &reason)?;
            Ok(None)
        }
    }
}
