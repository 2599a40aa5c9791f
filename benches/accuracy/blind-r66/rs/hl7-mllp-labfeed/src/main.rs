mod alerts;
mod db;
mod hl7;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tracing::{error, info, warn};

use hl7::{OruMessage, EB, SB};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let bind = std::env::var("MLLP_BIND").unwrap_or_else(|_| "0.0.0.0:2575".into());
    let listener = TcpListener::bind(&bind).await?;
    info!(%bind, "MLLP listener up");

    loop {
        let (stream, peer) = listener.accept().await?;
        info!(%peer, "LIS interface connected");
        tokio::spawn(async move {
            if let Err(e) = serve_interface(stream).await {
                warn!(%peer, error = %e, "interface connection closed");
            }
        });
    }
}

/// One long-lived connection per sending LIS interface; many messages flow over it.
async fn serve_interface(stream: TcpStream) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut reader = BufReader::new(rd);
    let mut frame = Vec::new();

    loop {
        frame.clear();
        // Everything up to the end-block byte is one framed message.
        let n = reader.read_until(EB, &mut frame).await?;
        if n == 0 {
            return Ok(());
        }
        let mut trailer = [0u8; 1];
        tokio::io::AsyncReadExt::read_exact(&mut reader, &mut trailer).await?;

        let start = frame
            .iter()
            .position(|b| *b == SB)
            .map(|i| i + 1)
            .unwrap_or(0);
        let body = String::from_utf8_lossy(&frame[start..frame.len() - 1]).to_string();

        let Some(msg) = hl7::parse(&body) else {
            warn!("dropping frame without MSH-10");
            continue;
        };

        let reply = match file_result(&msg).await {
            Ok(()) => hl7::ack(&msg, "AA", "filed"),
            Err(e) => {
                error!(control_id = %msg.control_id, error = %e, "could not file result");
                hl7::ack(&msg, "AE", "temporary failure, resend")
            }
        };
        wr.write_all(&reply).await?;
    }
}

/// Runs for every ORU^R01 that arrives.
async fn file_result(msg: &OruMessage) -> anyhow::Result<()> {
    if !msg.message_type.starts_with("ORU") {
        return Ok(());
    }

    let pool = db::pool().await?;
    let mut tx = pool.begin().await?;

    let seen: Option<(i64,)> = sqlx::query_as("SELECT id FROM hl7_inbox WHERE control_id = $1")
        .bind(&msg.control_id)
        .fetch_optional(&mut *tx)
        .await?;
    if seen.is_some() {
        // Duplicate resend from the LIS: acknowledge again, change nothing.
        return Ok(());
    }

    sqlx::query("INSERT INTO hl7_inbox (control_id, facility, received_at) VALUES ($1, $2, now())")
        .bind(&msg.control_id)
        .bind(&msg.sending_facility)
        .execute(&mut *tx)
        .await?;

    for obs in &msg.observations {
        sqlx::query(
            "INSERT INTO lab_results (mrn, accession, loinc, name, value, units, flag)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&msg.mrn)
        .bind(&msg.accession)
        .bind(&obs.code)
        .bind(&obs.name)
        .bind(&obs.value)
        .bind(&obs.units)
        .bind(&obs.abnormal_flag)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;

    for obs in msg.observations.iter().filter(|o| o.is_critical()) {
        if let Err(e) = alerts::page_critical(msg, obs).await {
            error!(accession = %msg.accession, error = %e, "critical value page failed");
        }
    }
    Ok(())
}
