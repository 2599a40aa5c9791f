//! Exim connects to the socket once per ${readsocket} expansion (i.e. per
//! RCPT TO), writes `local_part@domain\n` and reads back OK / OVER / UNKNOWN.
mod tenants;

use std::env;
use std::sync::Arc;
use std::time::Duration;

use mysql_async::prelude::*;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

use tenants::TenantFile;

async fn answer(directory: &TenantFile, address: &str) -> Result<&'static str, mysql_async::Error> {
    let Some((local_part, domain)) = address.trim().rsplit_once('@') else {
        return Ok("UNKNOWN");
    };
    let domain = domain.to_ascii_lowercase();
    let Some(pool) = tenants::pool_for(directory, &domain)? else {
        return Ok("UNKNOWN");
    };

    let mut conn = pool.get_conn().await?;
    let row: Option<(u64, u64)> = conn
        .exec_first(
            "SELECT used_bytes, quota_bytes FROM mailboxes WHERE local_part = ? AND active = 1",
            (local_part.to_ascii_lowercase(),),
        )
        .await?;
    Ok(match row {
        Some((used, quota)) if quota > 0 && used >= quota => "OVER",
        Some(_) => "OK",
        None => "UNKNOWN",
    })
}

async fn serve(stream: UnixStream, directory: Arc<TenantFile>) {
    let (read_half, mut write_half) = stream.into_split();
    let mut line = String::new();
    let read = tokio::time::timeout(
        Duration::from_secs(2),
        BufReader::new(read_half).read_line(&mut line),
    )
    .await;
    let reply = match read {
        Ok(Ok(n)) if n > 0 => match answer(&directory, &line).await {
            Ok(reply) => reply,
            Err(err) => {
                eprintln!("lookup {:?} failed: {err}", line.trim());
                "OK" // fail open: never bounce mail because the quota DB is down
            }
        },
        _ => "UNKNOWN",
    };
    let _ = write_half.write_all(reply.as_bytes()).await;
    let _ = write_half.shutdown().await;
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let socket_path = env::var("QUOTA_SOCKET").unwrap_or_else(|_| "/run/exim-quota/quota.sock".into());
    let tenants_path = env::var("TENANTS_FILE").unwrap_or_else(|_| "/etc/exim-quota/tenants.toml".into());

    let directory = Arc::new(tenants::load(&tenants_path).await?);
    let _ = std::fs::remove_file(&socket_path);
    let listener = UnixListener::bind(&socket_path)?;

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                tokio::spawn(serve(stream, Arc::clone(&directory)));
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    tenants::disconnect_all().await;
    Ok(())
}
