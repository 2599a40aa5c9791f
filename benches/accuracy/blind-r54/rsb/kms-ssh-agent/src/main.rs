//! Bastion-wide ssh-agent. Every `ssh`, `scp` or `git` process on the bastion
//! opens its own connection to $SSH_AUTH_SOCK; ssh-agent-lib asks our `Agent`
//! for a new `Session` per accepted connection.

mod kms;
mod session;

use std::time::Duration;

use anyhow::Result;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use ssh_agent_lib::agent::{listen, Agent, Session};
use tokio::net::{UnixListener, UnixStream};

use crate::session::KmsSession;

struct KmsAgent {
    pool: PgPool,
    signer_url: String,
}

impl Agent<UnixListener> for KmsAgent {
    fn new_session(&mut self, socket: &UnixStream) -> impl Session {
        let uid = socket.peer_cred().map(|c| c.uid()).unwrap_or(u32::MAX);
        let http = kms::client(&self.signer_url);
        KmsSession::new(uid, self.pool.clone(), http, self.signer_url.clone())
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();

    let socket_path =
        std::env::var("KMS_AGENT_SOCK").unwrap_or_else(|_| "/run/kms-agent/agent.sock".to_string());
    let database_url = std::env::var("KMS_AGENT_DATABASE_URL")?;
    let signer_url =
        std::env::var("KMS_SIGNER_URL").unwrap_or_else(|_| "https://signer.internal:8443".to_string());

    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await?;

    let _ = std::fs::remove_file(&socket_path);
    let listener = UnixListener::bind(&socket_path)?;
    log::info!("listening on {}", socket_path);

    listen(listener, KmsAgent { pool, signer_url }).await?;
    Ok(())
}
