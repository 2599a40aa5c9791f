mod directory;
mod packet;

use std::net::IpAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use serde::Deserialize;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use packet::*;

#[derive(Deserialize)]
pub struct Customer {
    pub name: String,
    pub secret: String,
    pub database_url: String,
    pub devices: Vec<IpAddr>,
}

#[derive(Deserialize)]
struct Config {
    customer: Vec<Customer>,
}

async fn handle(mut stream: TcpStream, customer: &Customer) -> Result<()> {
    while let Some(hdr) = Header::read(&mut stream).await? {
        let mut body = vec![0u8; hdr.length as usize];
        tokio::io::AsyncReadExt::read_exact(&mut stream, &mut body).await?;
        obfuscate(&hdr, customer.secret.as_bytes(), &mut body);

        let (status, msg) = if hdr.kind != TYPE_AUTHOR {
            (AUTHOR_ERROR, "only command authorization is served here".to_string())
        } else {
            let req = parse_author_request(&body)?;
            let command = req
                .args
                .iter()
                .filter_map(|a| a.strip_prefix("cmd=").or_else(|| a.strip_prefix("cmd-arg=")))
                .filter(|a| *a != "<cr>")
                .collect::<Vec<_>>()
                .join(" ");
            match directory::command_allowed(customer, &req.user, req.priv_lvl, &command).await {
                Ok(true) => (AUTHOR_PASS_ADD, String::new()),
                Ok(false) => (AUTHOR_FAIL, format!("{command}: not permitted for {}", req.user)),
                Err(e) => {
                    tracing::error!(customer = %customer.name, from = %req.rem_addr, error = %e, "directory lookup failed");
                    (AUTHOR_ERROR, "directory unavailable".to_string())
                }
            }
        };

        let mut reply = author_response(status, &msg);
        let out = Header { seq_no: hdr.seq_no + 1, length: reply.len() as u32, ..hdr };
        obfuscate(&out, customer.secret.as_bytes(), &mut reply);
        stream.write_all(&out.encode()).await?;
        stream.write_all(&reply).await?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let cfg: Config = toml::from_str(&std::fs::read_to_string("customers.toml")?).context("customers.toml")?;
    let customers: Arc<Vec<Customer>> = Arc::new(cfg.customer);
    let listener = TcpListener::bind("0.0.0.0:49").await?;

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = accepted?;
                let Some(idx) = customers.iter().position(|c| c.devices.contains(&peer.ip())) else {
                    tracing::warn!(%peer, "connection from unknown device dropped");
                    continue;
                };
                let customers = customers.clone();
                tokio::spawn(async move {
                    if let Err(e) = handle(stream, &customers[idx]).await {
                        tracing::warn!(%peer, error = %e, "tacacs session ended with error");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    directory::disconnect_all().await;
    Ok(())
}
