//! Clients used by the plugin. `Services::build` is only called from
//! `openvpn_open`, i.e. once when the OpenVPN server loads the plugin.

use std::time::Duration;

pub struct Services {
    pub sessions: r2d2::Pool<redis::Client>,
    pub sso: ureq::Agent,
    pub sso_verify_url: String,
}

#[derive(Debug)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

impl Services {
    pub fn build(redis_url: &str, sso_verify_url: &str) -> Result<Self, BuildError> {
        let client = redis::Client::open(redis_url).map_err(|e| BuildError(e.to_string()))?;
        let sessions = r2d2::Pool::builder()
            .max_size(8)
            .connection_timeout(Duration::from_secs(2))
            .build(client)
            .map_err(|e| BuildError(e.to_string()))?;
        let sso = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(4))
            .max_idle_connections_per_host(4)
            .build();
        Ok(Self { sessions, sso, sso_verify_url: sso_verify_url.to_string() })
    }
}
