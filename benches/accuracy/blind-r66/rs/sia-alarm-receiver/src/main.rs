mod db;
mod dc09;
mod dispatch;

use std::sync::Arc;

use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

const PRIORITY_CODES: &[&str] = &["BA", "FA", "PA", "HA", "MA"];

struct Receiver {
    pool: PgPool,
    dispatch: dispatch::Dispatcher,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect(&std::env::var("EVENT_STORE_URL")?).await?;
    let dispatch = dispatch::Dispatcher::new(std::env::var("CONSOLE_WEBHOOK")?)?;
    let rx = Arc::new(Receiver { pool, dispatch });

    let listener = TcpListener::bind("0.0.0.0:12000").await?;
    info!("DC-09 receiver on :12000");
    loop {
        let (stream, peer) = listener.accept().await?;
        let rx = rx.clone();
        tokio::spawn(async move {
            if let Err(e) = serve_panel(stream, &rx).await {
                warn!(%peer, "panel connection: {e:#}");
            }
        });
    }
}

/// Communicators keep the TCP session open and send several frames over it.
async fn serve_panel(stream: TcpStream, rx: &Receiver) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut reader = BufReader::new(rd);
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if reader.read_until(b'\r', &mut raw).await? == 0 {
            return Ok(());
        }
        let frame = match dc09::parse(&String::from_utf8_lossy(&raw)) {
            Ok(f) => f,
            Err(e) => {
                warn!("rejecting frame: {e}");
                wr.write_all(b"\n\"NAK\"0000R0L0A0[]\r").await?;
                continue;
            }
        };
        if !frame.is_supervision() {
            store_event(rx, &frame).await?;
        }
        wr.write_all(&dc09::ack(&frame)).await?;
    }
}

async fn store_event(rx: &Receiver, frame: &dc09::Frame) -> anyhow::Result<()> {
    let mut tx = rx.pool.begin().await?;
    let dup: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM alarm_events WHERE account = $1 AND seq = $2 AND panel_ts = $3",
    )
    .bind(&frame.account)
    .bind(&frame.seq)
    .bind(&frame.timestamp)
    .fetch_optional(&mut *tx)
    .await?;
    if dup.is_some() {
        // Panel retransmitted because our ACK was lost; the transaction rolls back on drop.
        return Ok(());
    }
    let code = frame.event_code();
    let (event_id,): (i64,) = sqlx::query_as(
        "INSERT INTO alarm_events (account, receiver, prefix, seq, protocol, code, raw_data, panel_ts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&frame.account)
    .bind(&frame.receiver)
    .bind(&frame.prefix)
    .bind(&frame.seq)
    .bind(&frame.id)
    .bind(&code)
    .bind(&frame.data)
    .bind(&frame.timestamp)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;

    if PRIORITY_CODES.contains(&code.as_str()) {
        if let Err(e) = rx.dispatch.raise(&frame.account, &code, event_id).await {
            warn!(
                event_id,
                "console push failed, operator will see it on refresh: {e:#}"
            );
        }
    }
    Ok(())
}
