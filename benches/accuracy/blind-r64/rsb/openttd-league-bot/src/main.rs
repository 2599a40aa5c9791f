//! Long-running bot connected to the dedicated server's admin port. The server
//! pushes a packet for every chat line and a weekly economy packet per company.

mod admin;
mod chatlog;
mod cooldown;
mod league;

use std::env;

use admin::{Chat, Reader};
use anyhow::{bail, Result};

fn main() -> Result<()> {
    env_logger::init();
    let addr = env::var("OPENTTD_ADMIN_ADDR").unwrap_or_else(|_| "127.0.0.1:3977".into());
    let password = env::var("OPENTTD_ADMIN_PASSWORD")?;
    let db_url = env::var("LEAGUE_DATABASE_URL")?;
    let redis_url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let mut league = league::League::connect(&db_url)?;
    let chatlog = chatlog::ChatLog::connect(&db_url)?;

    let mut conn = admin::Conn::join(&addr, &password, "league-bot")?;
    loop {
        let pkt = conn.recv()?;
        match pkt.kind {
            admin::SERVER_FULL | admin::SERVER_BANNED | admin::SERVER_ERROR => {
                bail!("admin port refused us (packet {})", pkt.kind)
            }
            admin::SERVER_WELCOME | admin::SERVER_NEWGAME => {
                let mut r = Reader(&pkt.body);
                let server_name = r.string()?;
                let _revision = r.string()?;
                let _dedicated = r.u8()?;
                let _map_name = r.string()?;
                let seed = r.u32()?;
                league.start_season(&server_name, seed)?;
                conn.subscribe(admin::UPDATE_CHAT, admin::FREQ_AUTOMATIC)?;
                conn.subscribe(admin::UPDATE_COMPANY_ECONOMY, admin::FREQ_WEEKLY)?;
                log::info!("attached to {server_name} (seed {seed})");
            }
            admin::SERVER_COMPANY_ECONOMY => league.record_economy(&pkt.body)?,
            admin::SERVER_CHAT => {
                let chat = Chat::parse(&pkt.body)?;
                chatlog.store(&chat)?;
                if chat.message.trim() == "!rank" && cooldown::allow(&redis_url, chat.client_id)? {
                    let text = league.ranking_text()?;
                    conn.say(&text)?;
                }
            }
            admin::SERVER_SHUTDOWN => {
                log::info!("server shutting down");
                conn.quit()?;
                break;
            }
            _ => {}
        }
    }
    Ok(())
}
