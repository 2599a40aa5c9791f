use std::sync::Arc;

use mysql_async::prelude::Queryable;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tracing::{debug, warn};

struct Agent {
    mysql_url: String,
    hostname: String,
    flags: ConnectionManager,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Operator switches (drain / maint) live in the shared Redis so the DBA can flip them from anywhere.
    let redis = redis::Client::open(std::env::var("OPS_REDIS_URL")?)?;
    let flags = ConnectionManager::new(redis).await?;

    let agent = Arc::new(Agent {
        mysql_url: std::env::var("LOCAL_MYSQL_URL")
            .unwrap_or_else(|_| "mysql://haproxy_agent@127.0.0.1:3306/mysql".into()),
        hostname: std::env::var("HOSTNAME")?,
        flags,
    });

    let listener = TcpListener::bind("0.0.0.0:9777").await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        let agent = agent.clone();
        tokio::spawn(async move {
            if let Err(e) = answer(stream, &agent).await {
                warn!(%peer, "agent check failed: {e:#}");
            }
        });
    }
}

/// HAProxy connects, reads one line, and closes: one connection per check.
async fn answer(mut stream: TcpStream, agent: &Agent) -> anyhow::Result<()> {
    let reply = match operator_override(agent).await? {
        Some(state) => state,
        None => match replication_lag(agent).await {
            Ok(lag) => weight_for(lag),
            Err(e) => {
                warn!("lag probe failed: {e:#}");
                "down#lag-probe-failed".to_string()
            }
        },
    };
    debug!(%reply, "agent reply");
    stream.write_all(format!("{reply}\n").as_bytes()).await?;
    stream.shutdown().await?;
    Ok(())
}

async fn operator_override(agent: &Agent) -> anyhow::Result<Option<String>> {
    let mut flags = agent.flags.clone();
    let state: Option<String> = flags.hget("replica:override", &agent.hostname).await?;
    Ok(state.filter(|s| matches!(s.as_str(), "drain" | "maint" | "ready")))
}

async fn replication_lag(agent: &Agent) -> anyhow::Result<Option<u64>> {
    let pool = mysql_async::Pool::from_url(&agent.mysql_url)?;
    let mut conn = pool.get_conn().await?;
    let status: Option<mysql_async::Row> = conn.query_first("SHOW REPLICA STATUS").await?;
    drop(conn);
    pool.disconnect().await?;

    let Some(row) = status else {
        // Not configured as a replica (e.g. freshly promoted): keep it out of the read pool.
        return Err(anyhow::anyhow!("no replica status"));
    };
    let io: Option<String> = row.get("Replica_IO_Running");
    let sql: Option<String> = row.get("Replica_SQL_Running");
    if io.as_deref() != Some("Yes") || sql.as_deref() != Some("Yes") {
        return Ok(None);
    }
    Ok(row.get::<Option<u64>, _>("Seconds_Behind_Source").flatten())
}

fn weight_for(lag: Option<u64>) -> String {
    match lag {
        None => "down#replication-stopped".into(),
        Some(0..=1) => "up 100%".into(),
        Some(2..=5) => "up 60%".into(),
        Some(6..=30) => "up 20%".into(),
        Some(_) => "drain#lagging".into(),
    }
}
