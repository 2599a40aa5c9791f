//! The customer portal keeps accounts in Postgres; the VPN concentrator and the
//! wiki only speak LDAP. slapd's back-sock forwards every operation under
//! ou=customers to this daemon over a Unix socket.

mod db;
mod ops;
mod request;

use std::env;
use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

pub struct Settings {
    pub socket_path: String,
    pub database_url: String,
    pub auth_api: String,
    pub suffix: String,
}

async fn handle(stream: UnixStream, cfg: Arc<Settings>) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let req = request::read(BufReader::new(rd)).await?;
    let reply = match req.op.as_str() {
        "SEARCH" => ops::search(&cfg, &req).await,
        "BIND" => ops::bind(&cfg, &req).await,
        "UNBIND" => return Ok(()), // slapd expects no reply
        _ => Ok(ops::Reply::result(53, "read-only backend")),
    };
    let reply = reply.unwrap_or_else(|e| ops::Reply::result(80, &format!("backend error: {e}")));
    wr.write_all(reply.render().as_bytes()).await?;
    wr.shutdown().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cfg = Arc::new(Settings {
        socket_path: env::var("SOCK_PATH").unwrap_or_else(|_| "/run/ldap-customers/sock".into()),
        database_url: env::var("CUSTOMERS_DATABASE_URL")?,
        auth_api: env::var("PORTAL_AUTH_URL")?,
        suffix: "ou=customers,dc=example,dc=com".into(),
    });

    let _ = std::fs::remove_file(&cfg.socket_path);
    let listener = UnixListener::bind(&cfg.socket_path)?;
    std::fs::set_permissions(&cfg.socket_path, Permissions::from_mode(0o660))?;

    loop {
        let (stream, _) = listener.accept().await?;
        let cfg = Arc::clone(&cfg);
        tokio::spawn(async move {
            if let Err(e) = handle(stream, cfg).await {
                eprintln!("ldap-customers: {e:#}");
            }
        });
    }
}
