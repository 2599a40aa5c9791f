use std::net::SocketAddr;
use std::sync::Arc;

use base64::{engine::general_purpose::STANDARD, Engine as _};
use bytes::Bytes;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::broadcast;

use crate::Caster;

pub async fn handle(stream: TcpStream, peer: SocketAddr, caster: Arc<Caster>) -> anyhow::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).await?;
    let mut auth = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).await? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some(v) = header.strip_prefix("Authorization: Basic ") {
            auth = Some(v.trim().to_string());
        }
    }

    let parts: Vec<&str> = request_line.split_whitespace().collect();
    match parts.as_slice() {
        ["SOURCE", password, mount, ..] => base_station(reader, caster, password, mount.trim_start_matches('/')).await,
        ["GET", "/", ..] => sourcetable(reader, &caster).await,
        ["GET", mount, ..] => rover(reader, peer, caster, auth, mount.trim_start_matches('/')).await,
        _ => Ok(reader.get_mut().write_all(b"HTTP/1.0 400 Bad Request\r\n\r\n").await?),
    }
}

async fn base_station(mut conn: BufReader<TcpStream>, caster: Arc<Caster>, password: &str, mount: &str) -> anyhow::Result<()> {
    let hash: Option<String> = sqlx::query_scalar("SELECT source_password_hash FROM mountpoints WHERE name = $1 AND enabled")
        .bind(mount)
        .fetch_optional(&caster.db)
        .await?;
    if !hash.is_some_and(|h| bcrypt::verify(password, &h).unwrap_or(false)) {
        conn.get_mut().write_all(b"ERROR - Bad Password\r\n").await?;
        return Ok(());
    }
    let tx = broadcast::channel::<Bytes>(64).0;
    caster.mounts.lock().unwrap().insert(mount.to_string(), tx.clone());
    conn.get_mut().write_all(b"ICY 200 OK\r\n\r\n").await?;

    let mut buf = vec![0u8; 4096];
    loop {
        let n = conn.read(&mut buf).await?;
        if n == 0 { break; }
        let _ = tx.send(Bytes::copy_from_slice(&buf[..n]));
    }
    caster.mounts.lock().unwrap().remove(mount);
    Ok(())
}

async fn rover(mut conn: BufReader<TcpStream>, peer: SocketAddr, caster: Arc<Caster>, auth: Option<String>, mount: &str) -> anyhow::Result<()> {
    let creds = auth.and_then(|a| STANDARD.decode(a).ok()).and_then(|raw| String::from_utf8(raw).ok());
    let Some((user, pass)) = creds.as_deref().and_then(|c| c.split_once(':')) else {
        conn.get_mut().write_all(b"HTTP/1.0 401 Unauthorized\r\n\r\n").await?;
        return Ok(());
    };
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, password_hash FROM subscribers WHERE username = $1 AND active AND $2 = ANY(mountpoints)",
    )
    .bind(user)
    .bind(mount)
    .fetch_optional(&caster.db)
    .await?;
    let Some((subscriber_id, _)) = row.filter(|(_, h)| bcrypt::verify(pass, h).unwrap_or(false)) else {
        conn.get_mut().write_all(b"HTTP/1.0 401 Unauthorized\r\n\r\n").await?;
        return Ok(());
    };
    let subscription = caster.mounts.lock().unwrap().get(mount).map(|tx| tx.subscribe());
    let Some(mut rx) = subscription else {
        conn.get_mut().write_all(b"HTTP/1.0 404 Not Found\r\n\r\n").await?;
        return Ok(());
    };

    let session_id: i64 = sqlx::query_scalar(
        "INSERT INTO rover_sessions (subscriber_id, mountpoint, peer, started_at) VALUES ($1, $2, $3, now()) RETURNING id",
    )
    .bind(subscriber_id)
    .bind(mount)
    .bind(peer.to_string())
    .fetch_one(&caster.db)
    .await?;

    conn.get_mut().write_all(b"ICY 200 OK\r\n\r\n").await?;
    let mut sent: i64 = 0;
    while let Ok(chunk) = rx.recv().await {
        if conn.get_mut().write_all(&chunk).await.is_err() { break; }
        sent += chunk.len() as i64;
    }

    sqlx::query("UPDATE rover_sessions SET ended_at = now(), bytes_sent = $2 WHERE id = $1")
        .bind(session_id)
        .bind(sent)
        .execute(&caster.db)
        .await?;
    Ok(())
}

async fn sourcetable(mut conn: BufReader<TcpStream>, caster: &Caster) -> anyhow::Result<()> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT name, str_line FROM mountpoints WHERE enabled ORDER BY name")
        .fetch_all(&caster.db)
        .await?;
    let mut body = String::new();
    for (_, line) in rows {
        body.push_str(&line);
        body.push_str("\r\n");
    }
    body.push_str("ENDSOURCETABLE\r\n");
    let head = format!("SOURCETABLE 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n", body.len());
    conn.get_mut().write_all(head.as_bytes()).await?;
    conn.get_mut().write_all(body.as_bytes()).await?;
    Ok(())
}
