use std::collections::HashMap;

use anyhow::{bail, Context};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::db::Policy;

const ISTAG: &str = "\"urlcat-1.2\"";

async fn read_header_block<R: AsyncBufRead + Unpin>(reader: &mut R) -> anyhow::Result<Option<Vec<String>>> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(if lines.is_empty() { None } else { Some(lines) });
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            return Ok(Some(lines));
        }
        lines.push(line);
    }
}

/// Skips a chunked encapsulated body so the next request on the connection lines up.
async fn skip_chunked_body<R: AsyncBufRead + Unpin>(reader: &mut R) -> anyhow::Result<()> {
    loop {
        let mut size_line = String::new();
        reader.read_line(&mut size_line).await?;
        let size_hex = size_line.trim().split(';').next().unwrap_or("0");
        let size = usize::from_str_radix(size_hex, 16).context("bad chunk size")?;
        let mut chunk = vec![0u8; size + 2];
        reader.read_exact(&mut chunk).await?;
        if size == 0 {
            return Ok(());
        }
    }
}

fn block_page(category: &str) -> String {
    let body = format!("<html><body><h1>Blocked</h1><p>Category: {category}</p></body></html>");
    let http = format!(
        "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    format!(
        "ICAP/1.0 200 OK\r\nISTag: {ISTAG}\r\nEncapsulated: res-hdr=0, res-body={}\r\n\r\n{http}{:x}\r\n{body}\r\n0\r\n\r\n",
        http.len(),
        body.len()
    )
}

/// Handles one ICAP request. Returns Ok(false) when the client closed the connection.
pub async fn handle_one<R, W>(reader: &mut R, writer: &mut W, policy: &Policy) -> anyhow::Result<bool>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let Some(icap_head) = read_header_block(reader).await? else { return Ok(false) };
    let request_line = icap_head.first().context("empty ICAP request")?;
    let method = request_line.split_whitespace().next().unwrap_or_default();
    let headers: HashMap<String, String> = icap_head[1..]
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();

    match method {
        "OPTIONS" => {
            let resp = format!(
                "ICAP/1.0 200 OK\r\nMethods: REQMOD\r\nISTag: {ISTAG}\r\nAllow: 204\r\nPreview: 0\r\nOptions-TTL: 3600\r\nEncapsulated: null-body=0\r\n\r\n"
            );
            writer.write_all(resp.as_bytes()).await?;
        }
        "REQMOD" => {
            let encapsulated = headers.get("encapsulated").cloned().unwrap_or_default();
            let http_head = read_header_block(reader).await?.unwrap_or_default();
            if encapsulated.contains("req-body") {
                skip_chunked_body(reader).await?;
            }
            let host = http_head
                .iter()
                .find_map(|l| l.strip_prefix("Host:").or_else(|| l.strip_prefix("host:")))
                .map(|h| h.trim().split(':').next().unwrap_or_default().to_ascii_lowercase())
                .unwrap_or_default();

            let resp = match policy.blocked_category(&host).await {
                Ok(Some(category)) => {
                    log::info!("blocked {host} ({category})");
                    block_page(&category)
                }
                Ok(None) => format!("ICAP/1.0 204 No Content\r\nISTag: {ISTAG}\r\n\r\n"),
                Err(e) => {
                    // fail open: never take the proxy down with the policy database
                    log::warn!("category lookup for {host} failed: {e:#}");
                    format!("ICAP/1.0 204 No Content\r\nISTag: {ISTAG}\r\n\r\n")
                }
            };
            writer.write_all(resp.as_bytes()).await?;
        }
        other => bail!("unsupported ICAP method {other}"),
    }
    writer.flush().await?;
    Ok(true)
}
