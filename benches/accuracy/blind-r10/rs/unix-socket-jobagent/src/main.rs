mod heartbeat;
mod store;

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

const SOCKET_PATH: &str = "/run/jobagent/agent.sock";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let addr = std::env::var("SURREAL_ADDR").unwrap_or_else(|_| "127.0.0.1:8000".into());
    let pass = std::env::var("SURREAL_PASS")?;
    let mut attempt = 0u32;
    loop {
        match store::init(&addr, "agent", &pass).await {
            Ok(()) => break,
            Err(e) if attempt < 15 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "surrealdb not ready");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }

    let controller = std::env::var("CONTROLLER_URL").unwrap_or_else(|_| "http://controller.internal".into());
    let agent_id = std::env::var("AGENT_ID").unwrap_or_else(|_| "local".into());
    tokio::spawn(heartbeat::run(controller, agent_id));

    let _ = std::fs::remove_file(SOCKET_PATH);
    let listener = UnixListener::bind(SOCKET_PATH)?;
    tracing::info!("listening on {SOCKET_PATH}");

    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(async move {
            if let Err(e) = serve(stream).await {
                tracing::warn!(error = %e, "client session failed");
            }
        });
    }
}

/// Line protocol: `ENQUEUE <id> <cmd...>` or `STATUS <id>`.
async fn serve(stream: UnixStream) -> anyhow::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();

    while let Some(line) = lines.next_line().await? {
        let mut parts = line.splitn(3, ' ');
        let reply = match (parts.next(), parts.next(), parts.next()) {
            (Some("ENQUEUE"), Some(id), Some(cmd)) => match store::enqueue(id, cmd).await {
                Ok(Some(_)) => "OK queued".to_string(),
                Ok(None) => "ERR not created".to_string(),
                Err(e) => format!("ERR {e}"),
            },
            (Some("STATUS"), Some(id), None) => match store::status(id).await? {
                Some(job) => format!("OK {}", job.state),
                None => "ERR unknown job".to_string(),
            },
            _ => "ERR usage: ENQUEUE <id> <cmd> | STATUS <id>".to_string(),
        };
        write.write_all(reply.as_bytes()).await?;
        write.write_all(b"\n").await?;
    }
    Ok(())
}
