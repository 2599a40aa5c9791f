//! One receiver for all game boxes; every server streams each log line as a
//! UDP datagram (hundreds per round).

mod logline;
mod store;

use std::env;
use std::time::Duration;

use anyhow::Result;
use logline::Event;
use serde_json::json;
use tokio::net::UdpSocket;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let mongo_uri = env::var("MONGODB_URI")?;
    let secret = env::var("SV_LOGSECRET").unwrap_or_default();
    let discord = env::var("DISCORD_WEBHOOK_URL").ok();

    let client = store::connect_with_retry(&mongo_uri).await?;
    let store = store::Store::new(&client);
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;

    let sock = UdpSocket::bind("0.0.0.0:27500").await?;
    let mut buf = vec![0u8; 2048];
    loop {
        let (n, peer) = tokio::select! {
            r = sock.recv_from(&mut buf) => r?,
            _ = tokio::signal::ctrl_c() => break,
        };
        let Some(line) = logline::unwrap_datagram(&buf[..n], &secret) else { continue };
        let server = peer.ip().to_string();
        let result = match logline::parse(line) {
            Some(Event::Kill { killer, killer_id, victim, victim_id, weapon, headshot }) => {
                tracing::debug!("{killer} -> {victim} ({weapon})");
                store.kill(&server, &killer_id, &victim_id, &weapon, headshot).await
            }
            Some(Event::Say { player, steam_id, text }) => store.chat(&server, &steam_id, &player, &text).await,
            Some(Event::GameOver { map, ct, t }) => match &discord {
                Some(url) => http
                    .post(url)
                    .json(&json!({ "content": format!("**{map}** on {server} finished {ct}:{t}") }))
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(Into::into),
                None => Ok(()),
            },
            None => Ok(()),
        };
        if let Err(e) = result {
            tracing::warn!(%peer, "could not handle log line: {e:#}");
        }
    }
    client.shutdown().await;
    Ok(())
}
