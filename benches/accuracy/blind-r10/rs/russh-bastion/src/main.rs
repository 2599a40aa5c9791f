mod accounts;
mod ratelimit;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use async_trait::async_trait;
use russh::server::{self, Auth, Msg, Server as _, Session};
use russh::{Channel, ChannelId, CryptoVec};
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
struct Bastion {
    audit: PgPool,
}

impl server::Server for Bastion {
    type Handler = BastionSession;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> BastionSession {
        BastionSession { audit: self.audit.clone(), peer, user: None, line: Vec::new() }
    }
}

struct BastionSession {
    audit: PgPool,
    peer: Option<SocketAddr>,
    user: Option<String>,
    line: Vec<u8>,
}

#[async_trait]
impl server::Handler for BastionSession {
    type Error = anyhow::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        if accounts::verify(user, password).await? {
            self.user = Some(user.to_owned());
            Ok(Auth::Accept)
        } else {
            Ok(Auth::Reject { proceed_with_methods: None })
        }
    }

    async fn channel_open_session(
        &mut self,
        _channel: Channel<Msg>,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(self.user.is_some())
    }

    async fn data(&mut self, channel: ChannelId, data: &[u8], session: &mut Session) -> Result<(), Self::Error> {
        let user = self.user.clone().unwrap_or_default();
        if !ratelimit::allow(&user).await? {
            session.data(channel, CryptoVec::from_slice(b"\r\nrate limited, slow down\r\n"));
            return Ok(());
        }

        for &b in data {
            if b != b'\r' && b != b'\n' {
                self.line.push(b);
                continue;
            }
            let cmd = String::from_utf8_lossy(&self.line).trim().to_string();
            self.line.clear();
            if cmd.is_empty() {
                continue;
            }
            sqlx::query("INSERT INTO ssh_audit (username, peer, command) VALUES ($1, $2, $3)")
                .bind(&user)
                .bind(self.peer.map(|p| p.to_string()))
                .bind(&cmd)
                .execute(&self.audit)
                .await?;
            let reply = format!("\r\naccepted: {cmd}\r\n$ ");
            session.data(channel, CryptoVec::from(reply));
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let audit = PgPoolOptions::new()
        .max_connections(8)
        .connect(&std::env::var("AUDIT_DATABASE_URL")?)
        .await?;

    let config = server::Config {
        inactivity_timeout: Some(Duration::from_secs(900)),
        auth_rejection_time: Duration::from_secs(2),
        keys: vec![russh_keys::key::KeyPair::generate_ed25519().unwrap()],
        ..Default::default()
    };

    let mut bastion = Bastion { audit };
    tracing::info!("bastion listening on :2222");
    bastion.run_on_address(Arc::new(config), ("0.0.0.0", 2222)).await?;
    Ok(())
}
