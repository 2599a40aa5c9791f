//! Runs in the control booth for the whole run of a show. The lighting desk
//! (EOS / grandMA) sends OSC over UDP for every cue GO, fader move and macro.

mod cues;

use std::collections::HashMap;
use std::env;
use std::sync::Arc;

use rosc::{OscPacket, OscType};
use sqlx::postgres::PgPoolOptions;
use tokio::net::UdpSocket;

use crate::cues::CueSheet;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let db_url = env::var("DATABASE_URL")?;
    let redis_url = Arc::new(env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()));
    let production = env::var("PRODUCTION").unwrap_or_else(|_| "default".into());

    let pool = PgPoolOptions::new().max_connections(64).connect(&db_url).await?;

    // Load tonight's cue sheet once before the house opens.
    let mut boot = pool.acquire().await?;
    let sheet: Arc<HashMap<String, String>> = Arc::new(CueSheet::load(&mut boot, &production).await?.labels);
    log::info!("loaded {} cues for {production}", sheet.len());

    let socket = UdpSocket::bind(env::var("OSC_BIND").unwrap_or_else(|_| "0.0.0.0:8000".into())).await?;
    let mut buf = [0u8; rosc::decoder::MTU];

    loop {
        let (len, from) = socket.recv_from(&mut buf).await?;
        let packet = match rosc::decoder::decode_udp(&buf[..len]) {
            Ok((_, packet)) => packet,
            Err(e) => {
                log::debug!("bad OSC from {from}: {e:?}");
                continue;
            }
        };

        let pool = pool.clone();
        let sheet = sheet.clone();
        let redis_url = redis_url.clone();
        tokio::spawn(async move {
            if let Err(e) = handle_packet(packet, &pool, &sheet, &redis_url).await {
                log::warn!("OSC handling failed: {e:#}");
            }
        });
    }
}

async fn handle_packet(
    packet: OscPacket,
    pool: &sqlx::PgPool,
    sheet: &HashMap<String, String>,
    redis_url: &str,
) -> anyhow::Result<()> {
    let messages = match packet {
        OscPacket::Message(m) => vec![m],
        OscPacket::Bundle(b) => b
            .content
            .into_iter()
            .filter_map(|p| match p {
                OscPacket::Message(m) => Some(m),
                OscPacket::Bundle(_) => None,
            })
            .collect(),
    };

    for msg in messages {
        if !msg.addr.starts_with("/eos/out/event/cue/") {
            continue;
        }
        let cue = msg.addr.rsplit('/').next().unwrap_or_default().to_string();
        let fired = matches!(msg.args.first(), Some(OscType::Float(v)) if *v > 0.0);
        if !fired {
            continue;
        }

        sqlx::query("INSERT INTO cue_log (cue_number, label, fired_at) VALUES ($1, $2, now())")
            .bind(&cue)
            .bind(sheet.get(&cue))
            .execute(pool)
            .await?;

        // Push to the stage manager's tablet (it subscribes to this channel).
        let client = redis::Client::open(redis_url)?;
        let mut con = client.get_multiplexed_async_connection().await?;
        let payload = serde_json::json!({ "cue": cue, "label": sheet.get(&cue) }).to_string();
        let _: () = redis::AsyncCommands::publish(&mut con, "booth:cues", payload).await?;
    }
    Ok(())
}
