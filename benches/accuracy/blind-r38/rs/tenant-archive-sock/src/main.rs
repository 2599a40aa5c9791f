mod storage;

use std::sync::Arc;

use listenfd::ListenFd;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

struct AppState {
    pool: PgPool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut fds = ListenFd::from_env();
    let listener = match fds.take_unix_listener(0)? {
        Some(inherited) => {
            inherited.set_nonblocking(true)?;
            UnixListener::from_std(inherited)?
        }
        None => UnixListener::bind("/run/tenant-archive/archive.sock")?,
    };

    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let state = Arc::new(AppState { pool });

    loop {
        let (stream, _) = listener.accept().await?;
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            if let Err(err) = serve(state, stream).await {
                eprintln!("archive: connection error: {err:#}");
            }
        });
    }
}

/// Line protocol used by the billing cron and the admin UI:
///   ARCHIVE <tenant> <invoice-id>   ->  OK <blob-url> | ERR <reason>
async fn serve(state: Arc<AppState>, stream: UnixStream) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut lines = BufReader::new(rd).lines();
    while let Some(line) = lines.next_line().await? {
        let reply = match handle(&state, &line).await {
            Ok(url) => format!("OK {url}\n"),
            Err(err) => format!("ERR {err}\n"),
        };
        wr.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

async fn handle(state: &AppState, line: &str) -> anyhow::Result<String> {
    let mut parts = line.split_whitespace();
    let (Some("ARCHIVE"), Some(tenant), Some(invoice_id)) = (parts.next(), parts.next(), parts.next()) else {
        anyhow::bail!("usage: ARCHIVE <tenant> <invoice-id>");
    };
    let invoice_id: i64 = invoice_id.parse()?;

    let (pdf_path, number): (String, String) =
        sqlx::query_as("SELECT pdf_path, number FROM invoices WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(invoice_id)
            .fetch_one(&state.pool)
            .await?;
    let bytes = tokio::fs::read(&pdf_path).await?;

    let blob = storage::blob_for(&state.pool, tenant, &format!("invoices/{number}.pdf")).await?;
    blob.put_block_blob(bytes).content_type("application/pdf").await?;

    sqlx::query("UPDATE invoices SET archived_at = now() WHERE id = $1")
        .bind(invoice_id)
        .execute(&state.pool)
        .await?;
    Ok(blob.url()?.to_string())
}
