use std::time::Duration;

use gopher_catalog::{catalog, db};
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

#[derive(Clone)]
struct Site {
    host: String,
    port: u16,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let site = Site {
        host: std::env::var("GOPHER_HOST").unwrap_or_else(|_| "gopher.library.example".into()),
        port: 70,
    };
    let pool = db::make_pool(&std::env::var("CATALOGUE_DATABASE_URL")?, 10).await?;
    let listener = TcpListener::bind(("0.0.0.0", site.port)).await?;
    info!("gopherd listening on :{}", site.port);

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = accepted?;
                let pool = pool.clone();
                let site = site.clone();
                tokio::spawn(async move {
                    if let Err(err) = serve(stream, &pool, &site).await {
                        warn!(%peer, "request failed: {err:#}");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.close().await;
    Ok(())
}

/// One selector per connection (RFC 1436); the server closes after the reply.
async fn serve(mut stream: TcpStream, pool: &PgPool, site: &Site) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.split();
    let mut selector = String::new();
    tokio::time::timeout(Duration::from_secs(15), BufReader::new(rd).read_line(&mut selector)).await??;
    let selector = selector.trim_end_matches(['\r', '\n']).split('\t').next().unwrap_or("");

    let reply = match selector {
        "" | "/" => {
            let mut out = String::from("iWelcome to the library catalogue\t\terror.host\t1\r\n");
            for item in catalog::subjects(pool).await? {
                out.push_str(&catalog::menu_line(&item, &site.host, site.port));
            }
            out
        }
        s if s.starts_with("/subject/") => {
            let mut out = String::new();
            for item in catalog::books_in(pool, &s["/subject/".len()..]).await? {
                out.push_str(&catalog::menu_line(&item, &site.host, site.port));
            }
            out
        }
        s if s.starts_with("/book/") => match s["/book/".len()..].parse::<i64>() {
            Ok(id) => catalog::book_record(pool, id)
                .await?
                .unwrap_or_else(|| "No such book.\r\n".into()),
            Err(_) => "3Bad selector\t\terror.host\t1\r\n".into(),
        },
        _ => "3Not found\t\terror.host\t1\r\n".into(),
    };
    wr.write_all(reply.as_bytes()).await?;
    wr.write_all(b".\r\n").await?;
    wr.shutdown().await?;
    Ok(())
}
