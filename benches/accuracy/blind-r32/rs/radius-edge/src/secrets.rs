use std::net::SocketAddr;
use std::time::Duration;

use radius::server::{SecretProvider, SecretProviderError};
use serde::Deserialize;

/// Looks up the shared secret of the NAS (Wi-Fi controller) that sent the packet.
pub struct VaultSecrets {
    addr: String,
    token: String,
}

#[derive(Deserialize)]
struct KvResponse {
    data: KvData,
}

#[derive(Deserialize)]
struct KvData {
    data: NasSecret,
}

#[derive(Deserialize)]
struct NasSecret {
    secret: String,
}

impl VaultSecrets {
    pub fn new(addr: String, token: String) -> Self {
        Self { addr, token }
    }
}

impl SecretProvider for VaultSecrets {
    fn fetch_secret(&self, remote_addr: SocketAddr) -> Result<Vec<u8>, SecretProviderError> {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(2))
            .build();

        let url = format!("{}/v1/kv/data/radius/nas/{}", self.addr, remote_addr.ip());
        let resp: KvResponse = agent
            .get(&url)
            .set("X-Vault-Token", &self.token)
            .call()
            .map_err(|e| SecretProviderError::FailedFetching(e.to_string()))?
            .into_json()
            .map_err(|e| SecretProviderError::FailedFetching(e.to_string()))?;

        Ok(resp.data.data.secret.into_bytes())
    }
}
