mod tenants;

use bytes::Bytes;
use mysql_async::prelude::*;
use serde::{Deserialize, Serialize};
use zeromq::{RouterSocket, Socket, SocketRecv, SocketSend, ZmqMessage};

#[derive(Deserialize)]
struct BalanceRequest {
    tenant: String,
    account_id: u64,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Reply {
    Balance { account_id: u64, balance_cents: i64, currency: String },
    Error { error: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let path = std::env::var("TENANTS_FILE").unwrap_or_else(|_| "tenants.toml".to_string());
    let count = tenants::load(&path)?;
    tracing::info!(count, "tenants loaded");

    let endpoint = std::env::var("ROUTER_ENDPOINT").unwrap_or_else(|_| "tcp://0.0.0.0:5570".to_string());
    let mut socket = RouterSocket::new();
    socket.bind(&endpoint).await?;
    tracing::info!(%endpoint, "balance router bound");

    loop {
        tokio::select! {
            msg = socket.recv() => {
                let msg = msg?;
                let reply = handle(msg).await;
                if let Some(reply) = reply {
                    socket.send(reply).await?;
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    tenants::close_all().await;
    Ok(())
}

/// DEALER clients send [identity, payload]; we answer on the same identity.
async fn handle(msg: ZmqMessage) -> Option<ZmqMessage> {
    let frames = msg.into_vec();
    let identity = frames.first()?.clone();
    let payload = frames.last()?.clone();

    let reply = match serde_json::from_slice::<BalanceRequest>(&payload) {
        Ok(req) => lookup(req).await.unwrap_or_else(|err| Reply::Error { error: err.to_string() }),
        Err(err) => Reply::Error { error: format!("bad request: {err}") },
    };

    let mut out = ZmqMessage::from(identity);
    out.push_back(Bytes::from(serde_json::to_vec(&reply).ok()?));
    Some(out)
}

async fn lookup(req: BalanceRequest) -> anyhow::Result<Reply> {
    let Some(pool) = tenants::pool_for(&req.tenant)? else {
        return Ok(Reply::Error { error: format!("unknown tenant {}", req.tenant) });
    };
    let mut conn = pool.get_conn().await?;
    let row: Option<(i64, String)> = conn
        .exec_first(
            "SELECT balance_cents, currency FROM accounts WHERE id = ?",
            (req.account_id,),
        )
        .await?;
    Ok(match row {
        Some((balance_cents, currency)) => Reply::Balance { account_id: req.account_id, balance_cents, currency },
        None => Reply::Error { error: "no such account".to_string() },
    })
}
