use std::fmt;
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use libunftp::auth::{AuthenticationError, Authenticator, Credentials, UserDetail};
use tiberius::{Client, Config};
use tokio::net::TcpStream;
use tokio_util::compat::TokioAsyncWriteCompatExt;
use tracing::info;

#[derive(Debug, Clone)]
pub struct PartnerUser {
    pub username: String,
    pub partner_code: String,
    home: PathBuf,
}

impl UserDetail for PartnerUser {
    fn home(&self) -> Option<&Path> {
        Some(&self.home)
    }
}

impl fmt::Display for PartnerUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.username, self.partner_code)
    }
}

/// Checks partner credentials against the ERP `ftp_partners` table.
#[derive(Debug)]
pub struct PartnerAuthenticator {
    conn_str: String,
}

impl PartnerAuthenticator {
    pub fn new(conn_str: String) -> Self {
        Self { conn_str }
    }
}

fn backend_err<E>(what: &str, e: E) -> AuthenticationError
where
    E: std::error::Error + Send + Sync + 'static,
{
    AuthenticationError::with_source(what.to_string(), e)
}

#[async_trait]
impl Authenticator<PartnerUser> for PartnerAuthenticator {
    async fn authenticate(&self, username: &str, creds: &Credentials) -> Result<PartnerUser, AuthenticationError> {
        let password = creds.password.as_deref().ok_or(AuthenticationError::BadPassword)?;

        let config = Config::from_ado_string(&self.conn_str).map_err(|e| backend_err("config", e))?;
        let tcp = TcpStream::connect(config.get_addr()).await.map_err(|e| backend_err("tcp", e))?;
        tcp.set_nodelay(true).map_err(|e| backend_err("tcp", e))?;
        let mut client = Client::connect(config, tcp.compat_write()).await.map_err(|e| backend_err("mssql", e))?;

        let row = client
            .query(
                "SELECT password_hash, partner_code, home_dir, is_active \
                 FROM ftp_partners WHERE username = @P1",
                &[&username],
            )
            .await
            .map_err(|e| backend_err("query", e))?
            .into_row()
            .await
            .map_err(|e| backend_err("query", e))?
            .ok_or(AuthenticationError::BadUser)?;

        let active: bool = row.get("is_active").unwrap_or(false);
        if !active {
            return Err(AuthenticationError::BadUser);
        }
        let hash: &str = row.get("password_hash").ok_or(AuthenticationError::BadUser)?;
        if !bcrypt::verify(password, hash).unwrap_or(false) {
            return Err(AuthenticationError::BadPassword);
        }

        let partner_code: &str = row.get("partner_code").unwrap_or_default();
        let home_dir: &str = row.get("home_dir").unwrap_or(partner_code);
        info!(%username, ip = %creds.source_ip, "partner logged in");

        Ok(PartnerUser {
            username: username.to_string(),
            partner_code: partner_code.to_string(),
            home: PathBuf::from(home_dir),
        })
    }

    fn name(&self) -> &str {
        "erp-partners"
    }
}
