//! tcp_table(5): requests are `get SP key LF`, replies `200 SP value LF`, `500 SP text LF` (not found)
//! or `400 SP text LF` (temporary error). Keys and values are %XX-encoded.
//! main.cf: virtual_alias_maps = tcp:127.0.0.1:10045
mod tenants;

use std::sync::Arc;

use anyhow::Result;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use tenants::TenantPools;

const ENCODE: &AsciiSet = &CONTROLS.add(b' ').add(b'%');

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let tenants = Arc::new(TenantPools::load("/etc/postfix-tcp-table/tenants.toml")?);
    let listener = TcpListener::bind("127.0.0.1:10045").await?;

    loop {
        let (stream, _) = tokio::select! {
            _ = tokio::signal::ctrl_c() => return Ok(()),
            accepted = listener.accept() => accepted?,
        };
        let tenants = Arc::clone(&tenants);
        tokio::spawn(async move {
            if let Err(e) = serve(stream, &tenants).await {
                tracing::debug!("client went away: {e}");
            }
        });
    }
}

/// A Postfix trivial-rewrite/cleanup process keeps its connection open for many lookups.
async fn serve(stream: TcpStream, tenants: &TenantPools) -> Result<()> {
    let (r, mut w) = stream.into_split();
    let mut lines = BufReader::new(r).lines();
    while let Some(line) = lines.next_line().await? {
        let reply = match line.strip_prefix("get ") {
            Some(raw_key) => {
                let key = percent_decode_str(raw_key.trim()).decode_utf8_lossy().to_lowercase();
                match lookup(tenants, &key).await {
                    Ok(Some(value)) => format!("200 {}\n", utf8_percent_encode(&value, ENCODE)),
                    Ok(None) => "500 not-found\n".to_string(),
                    Err(e) => {
                        tracing::warn!("lookup {key} failed: {e:#}");
                        "400 temporary-lookup-failure\n".to_string()
                    }
                }
            }
            None => "400 unsupported-request\n".to_string(),
        };
        w.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

async fn lookup(tenants: &TenantPools, key: &str) -> Result<Option<String>> {
    // Postfix also asks for bare domains and @domain catch-alls
    let domain = key.rsplit_once('@').map(|(_, d)| d).unwrap_or(key);
    let Some(pool) = tenants.for_domain(domain).await? else { return Ok(None) };
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT string_agg(destination, ',' ORDER BY destination)
               FROM aliases WHERE address = $1 AND active
             HAVING count(*) > 0",
            &[&key],
        )
        .await?;
    Ok(row.map(|r| r.get::<_, String>(0)))
}
