//! league-telemetry: drivers point the game's UDP telemetry output at this
//! server (port 20777). The game sends up to 60 packets per second per rig;
//! only completed laps are written to the league's database.
mod leagues;
mod packets;

use std::collections::HashMap;
use std::net::IpAddr;

use anyhow::Result;
use tokio::net::UdpSocket;

use leagues::Leagues;

async fn record_lap(leagues: &mut Leagues, ip: IpAddr, session: u64, lap_num: u8, lap: &packets::PlayerLap) -> Result<()> {
    let Some((league, rig)) = leagues.rig(&ip).cloned() else {
        return Ok(()); // unknown rig
    };
    let pool = leagues.pool(&league)?;
    sqlx::query(
        "INSERT INTO laps (session_uid, driver, lap_number, lap_ms, position)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_uid, driver, lap_number) DO NOTHING",
    )
    .bind(session as i64)
    .bind(&rig.driver)
    .bind(i16::from(lap_num))
    .bind(lap.last_lap_ms as i64)
    .bind(i16::from(lap.car_position))
    .execute(&pool)
    .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let config = std::env::var("LEAGUES_CONFIG").unwrap_or_else(|_| "leagues.toml".into());
    let mut leagues = Leagues::load(&config).await?;
    let socket = UdpSocket::bind("0.0.0.0:20777").await?;
    let mut last_lap: HashMap<(IpAddr, u64), u8> = HashMap::new();
    let mut buf = vec![0u8; 2048];

    loop {
        let (len, from) = tokio::select! {
            res = socket.recv_from(&mut buf) => res?,
            _ = tokio::signal::ctrl_c() => break,
        };
        let data = &buf[..len];
        let Some(h) = packets::header(data) else { continue };
        if h.packet_format != 2024 {
            continue;
        }
        match h.packet_id {
            packets::PACKET_LAP_DATA => {
                let Some(lap) = packets::player_lap(data, &h) else { continue };
                let key = (from.ip(), h.session_uid);
                let prev = last_lap.insert(key, lap.current_lap_num);
                if matches!(prev, Some(p) if lap.current_lap_num == p + 1 && lap.last_lap_ms > 0) {
                    if let Err(err) = record_lap(&mut leagues, from.ip(), h.session_uid, lap.current_lap_num - 1, &lap).await {
                        eprintln!("lap from {from} not stored: {err:#}");
                    }
                }
            }
            packets::PACKET_SESSION_ENDED => {
                last_lap.retain(|(ip, session), _| !(*ip == from.ip() && *session == h.session_uid));
            }
            _ => {}
        }
    }
    leagues.close_all().await;
    Ok(())
}
