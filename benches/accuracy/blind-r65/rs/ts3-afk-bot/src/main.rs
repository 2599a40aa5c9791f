mod moderation;
mod query;
mod seen;

use std::env;
use std::time::Duration;

use anyhow::{Context, Result};
use query::{escape, Query};

const AFK_AFTER_MS: u64 = 30 * 60 * 1000;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let mongo_url = env::var("MONGO_URL").context("MONGO_URL")?;
    let afk_cid: String = env::var("AFK_CHANNEL_ID").context("AFK_CHANNEL_ID")?;

    let mut seen = seen::SeenLog::connect(&mongo_url).await?;
    let moderation = moderation::Moderation::connect(&mongo_url, env::var("VPNAPI_KEY").context("VPNAPI_KEY")?).await?;

    let mut q = Query::connect(&env::var("TS3_QUERY_ADDR").unwrap_or_else(|_| "127.0.0.1:10011".into())).await?;
    let user = env::var("TS3_QUERY_USER").unwrap_or_else(|_| "serveradmin".into());
    q.cmd(&format!("login {} {}", escape(&user), escape(&env::var("TS3_QUERY_PASS")?))).await?;
    q.cmd("use sid=1").await?;
    q.cmd(&format!("clientupdate client_nickname={}", escape("AFK Mover"))).await?;
    q.cmd("servernotifyregister event=server").await?;

    let mut sweep = tokio::time::interval(Duration::from_secs(60));
    loop {
        tokio::select! {
            ev = q.next_event() => {
                let ev = ev?;
                let field = |k: &str| ev.fields.get(k).cloned().unwrap_or_default();
                match ev.name.as_str() {
                    "notifycliententerview" if field("client_type") == "0" => {
                        let (clid, uid, nick) = (field("clid"), field("client_unique_identifier"), field("client_nickname"));
                        seen.joined(&clid, &uid, &nick).await?;
                        let info = q.cmd(&format!("clientinfo clid={clid}")).await?;
                        let Some(ip) = info.first().and_then(|r| r.get("connection_client_ip")).cloned() else { continue };
                        if moderation.is_vpn(&ip).await.unwrap_or(false) {
                            q.cmd(&format!("clientkick clid={clid} reasonid=5 reasonmsg={}", escape("VPN connections are not allowed"))).await?;
                            moderation.log_kick(&uid, &nick, &ip).await?;
                        }
                    }
                    "notifyclientleftview" => seen.left(&field("clid")).await?,
                    _ => {}
                }
            }
            _ = sweep.tick() => {
                for c in q.cmd("clientlist -times").await? {
                    let idle: u64 = c.get("client_idle_time").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let is_voice = c.get("client_type").map(String::as_str) == Some("0");
                    if is_voice && idle > AFK_AFTER_MS && c.get("cid") != Some(&afk_cid) {
                        let clid = c.get("clid").cloned().unwrap_or_default();
                        q.cmd(&format!("clientmove clid={clid} cid={afk_cid}")).await?;
                    }
                }
            }
        }
    }
}
