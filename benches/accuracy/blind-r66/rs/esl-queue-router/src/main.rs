mod esl;

use std::collections::HashMap;
use std::sync::Arc;

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use redis::AsyncCommands;
use tokio::net::{TcpListener, TcpStream};
use tokio_postgres::NoTls;
use tracing::{info, warn};

use esl::EslConn;

/// Queue name -> fallback extension when no agent is free.
type Queues = Arc<HashMap<String, String>>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("CRM_DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(10));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let conn = pool.get().await?;
    let rows = conn
        .query(
            "SELECT name, overflow_extension FROM support_queues WHERE enabled",
            &[],
        )
        .await?;
    let queues: Queues = Arc::new(rows.iter().map(|r| (r.get(0), r.get(1))).collect());
    info!(count = queues.len(), "queues loaded");

    let redis_url =
        Arc::new(std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()));
    let listener = TcpListener::bind("127.0.0.1:8084").await?;
    loop {
        // FreeSWITCH opens one socket per inbound call hitting the dialplan.
        let (stream, _) = listener.accept().await?;
        let pool = pool.clone();
        let queues = queues.clone();
        let redis_url = redis_url.clone();
        tokio::spawn(async move {
            if let Err(e) = route_call(stream, pool, queues, &redis_url).await {
                warn!("call routing failed: {e:#}");
            }
        });
    }
}

async fn route_call(
    stream: TcpStream,
    pool: Pool,
    queues: Queues,
    redis_url: &str,
) -> anyhow::Result<()> {
    let (rd, wr) = stream.into_split();
    let mut esl = EslConn::new(rd, wr);

    let channel = esl.command("connect").await?;
    let uuid = channel.get("Unique-ID").cloned().unwrap_or_default();
    let caller = channel
        .get("Caller-Caller-ID-Number")
        .cloned()
        .unwrap_or_default();
    esl.command("myevents").await?;
    esl.command("linger").await?;
    esl.execute(&uuid, "answer", "").await?;

    let db = pool.get().await?;
    let account = db
        .query_opt(
            "SELECT a.tier, a.queue FROM accounts a JOIN account_phones p ON p.account_id = a.id
             WHERE p.e164 = $1",
            &[&caller],
        )
        .await?;
    let (tier, queue): (String, String) = match account {
        Some(row) => (row.get(0), row.get(1)),
        None => ("standard".into(), "general".into()),
    };
    drop(db);

    let presence = redis::Client::open(redis_url)?;
    let mut agents = presence.get_multiplexed_async_connection().await?;
    let agent: Option<String> = agents.spop(format!("agents:free:{queue}")).await?;

    match agent {
        Some(ext) => {
            info!(%caller, %tier, %queue, %ext, "bridging to agent");
            esl.execute(&uuid, "set", &format!("support_tier={tier}"))
                .await?;
            esl.execute(&uuid, "bridge", &format!("user/{ext}@support.example.net"))
                .await?;
        }
        None => {
            let overflow = queues
                .get(&queue)
                .cloned()
                .unwrap_or_else(|| "voicemail".into());
            info!(%caller, %queue, %overflow, "no free agent, overflowing");
            esl.execute(&uuid, "playback", "ivr/ivr-all_agents_busy.wav")
                .await?;
            esl.execute(&uuid, "transfer", &format!("{overflow} XML default"))
                .await?;
        }
    }
    Ok(())
}
