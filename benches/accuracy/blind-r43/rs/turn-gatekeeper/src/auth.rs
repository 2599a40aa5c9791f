use std::net::SocketAddr;

use redis::Commands;
use turn::auth::{generate_auth_key, AuthHandler};
use turn::Error;

/// Looks up the per-call TURN password that the signalling service writes to
/// Redis (`turn:cred:<username>`, 10 minute TTL) when a visit starts.
pub struct RedisCredentials {
    pub redis_url: String,
    pub realm: String,
}

impl AuthHandler for RedisCredentials {
    // Invoked by the TURN server for every Allocate / Refresh / CreatePermission /
    // ChannelBind request that carries a MESSAGE-INTEGRITY attribute.
    fn auth_handle(
        &self,
        username: &str,
        realm: &str,
        src_addr: SocketAddr,
    ) -> Result<Vec<u8>, Error> {
        if realm != self.realm {
            return Err(Error::ErrFakeErr);
        }

        let client = redis::Client::open(self.redis_url.as_str()).map_err(|_| Error::ErrFakeErr)?;
        let mut conn = client.get_connection().map_err(|_| Error::ErrFakeErr)?;
        let password: Option<String> = conn
            .get(format!("turn:cred:{username}"))
            .map_err(|_| Error::ErrFakeErr)?;

        match password {
            Some(pw) => {
                tracing::debug!(%username, %src_addr, "TURN credential found");
                Ok(generate_auth_key(username, realm, &pw))
            }
            None => {
                tracing::warn!(%username, %src_addr, "unknown or expired TURN user");
                Err(Error::ErrFakeErr)
            }
        }
    }
}
