mod admin;
mod ladder;
mod relay;
mod stats;

use admin::*;
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let db_url = std::env::var("DATABASE_URL")?;
    let stats = stats::Stats::connect(&db_url).await?;
    let ladder = ladder::Ladder::connect(&db_url).await?;

    let addr = std::env::var("OPENTTD_ADMIN_ADDR").unwrap_or_else(|_| "127.0.0.1:3977".into());
    let mut game = AdminConn::join(&addr, &std::env::var("OPENTTD_ADMIN_PASSWORD")?).await?;
    info!(%addr, "joined admin port");

    let mut names = std::collections::HashMap::<u32, String>::new();
    loop {
        let mut p = game.next().await?;
        match p.kind {
            SERVER_CLIENT_INFO => {
                let (id, _host, name) = (p.u32(), p.str(), p.str());
                let (_lang, _joined, company) = (p.u8(), p.u32(), p.u8());
                stats.client_seen(id, &name, company).await?;
                names.insert(id, name);
            }
            SERVER_COMPANY_ECONOMY => {
                let (company, money, loan, income) = (p.u8(), p.u64() as i64, p.u64() as i64, p.u64() as i64);
                ladder.record_economy(company, money, loan, income).await?;
            }
            SERVER_CHAT => {
                let (action, _dest, client_id, text) = (p.u8(), p.u8(), p.u32(), p.str());
                let player = names.get(&client_id).cloned().unwrap_or_else(|| format!("client #{client_id}"));
                if text.trim() == "!rank" {
                    let reply = match ladder.rank_of(&player).await? {
                        Some((rank, money)) => format!("{player}: rank #{rank}, £{money}"),
                        None => format!("{player}: no company on the ladder yet"),
                    };
                    game.whisper(client_id, &reply).await?;
                } else if action == 3 {
                    if let Err(e) = relay::to_discord(&player, &text).await {
                        warn!(error = %e, "discord relay failed");
                    }
                }
            }
            SERVER_SHUTDOWN => {
                info!("server shutting down");
                return Ok(());
            }
            _ => {}
        }
    }
}
