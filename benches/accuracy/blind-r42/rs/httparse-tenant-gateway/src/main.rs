use std::sync::Arc;

use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod control;
mod tenants;

struct Request {
    method: String,
    path: String,
    host: String,
}

fn parse(buf: &[u8]) -> Option<Request> {
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(buf) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return None,
    }
    let host = req
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("host"))
        .and_then(|h| std::str::from_utf8(h.value).ok())?
        .split(':')
        .next()?
        .to_string();
    Some(Request { method: req.method?.to_string(), path: req.path?.to_string(), host })
}

async fn usage_report(pool: &PgPool) -> anyhow::Result<String> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION READ ONLY").execute(&mut *tx).await?;
    let (users, storage): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM users), (SELECT coalesce(sum(bytes), 0)::bigint FROM uploads)",
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(serde_json::json!({ "users": users, "storage_bytes": storage }).to_string())
}

async fn respond(stream: &mut TcpStream, status: &str, body: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await
}

async fn serve(mut stream: TcpStream, control: Arc<PgPool>) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 8192];
    let n = stream.read(&mut buf).await?;
    let Some(req) = parse(&buf[..n]) else {
        return Ok(respond(&mut stream, "400 Bad Request", "{}").await?);
    };
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/healthz") => {
            sqlx::query("SELECT 1").execute(control.as_ref()).await?;
            respond(&mut stream, "200 OK", "{\"ok\":true}").await?;
        }
        ("GET", "/usage") => match tenants::pool_for(&req.host).await {
            Some(pool) => {
                let body = usage_report(&pool).await?;
                respond(&mut stream, "200 OK", &body).await?;
            }
            None => respond(&mut stream, "404 Not Found", "{\"error\":\"unknown tenant\"}").await?,
        },
        _ => respond(&mut stream, "404 Not Found", "{}").await?,
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let control = Arc::new(control::connect().await?);
    tenants::set_directory(control::tenant_directory(&control).await?);

    let listener = TcpListener::bind(std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:8088".into())).await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        let control = Arc::clone(&control);
        tokio::spawn(async move {
            if let Err(e) = serve(stream, control).await {
                eprintln!("{peer}: {e}");
            }
        });
    }
}
