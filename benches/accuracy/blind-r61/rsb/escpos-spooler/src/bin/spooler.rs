//! pos-spooler: long-running. Claims queued print jobs one at a time
//! (SKIP LOCKED, so two spoolers on two tills never print a job twice),
//! sends the ESC/POS bytes to the printer's raw port and marks the job.

use std::time::Duration;

use pos_print::{db, escpos};
use sqlx::types::Json;
use sqlx::PgPool;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[derive(sqlx::FromRow)]
struct Job {
    id: i64,
    printer_host: String,
    ticket: Json<escpos::Ticket>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = db::pool(4).await?;
    tracing::info!("spooler started");

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            res = drain_queue(&pool) => {
                if let Err(e) = res {
                    tracing::warn!(error = %e, "spool pass failed");
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
    pool.close().await;
    Ok(())
}

async fn drain_queue(pool: &PgPool) -> anyhow::Result<()> {
    loop {
        let mut tx = pool.begin().await?;
        let job: Option<Job> = sqlx::query_as(
            "SELECT id, printer_host, ticket FROM print_jobs \
             WHERE printed_at IS NULL AND attempts < 5 \
             ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1",
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(job) = job else {
            return Ok(()); // queue empty; tx rolls back on drop
        };

        match send_to_printer(&job.printer_host, &escpos::render(&job.ticket)).await {
            Ok(()) => {
                sqlx::query("UPDATE print_jobs SET printed_at = now() WHERE id = $1")
                    .bind(job.id)
                    .execute(&mut *tx)
                    .await?;
            }
            Err(e) => {
                tracing::warn!(job = job.id, printer = %job.printer_host, error = %e, "print failed");
                sqlx::query("UPDATE print_jobs SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
                    .bind(job.id)
                    .bind(e.to_string())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
    }
}

/// ESC/POS printers take one raw TCP connection per job on port 9100 and
/// print whatever arrives before the close; there is nothing to keep open.
async fn send_to_printer(host: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let mut stream = tokio::time::timeout(Duration::from_secs(3), TcpStream::connect((host, 9100))).await??;
    stream.write_all(bytes).await?;
    stream.shutdown().await?;
    Ok(())
}
