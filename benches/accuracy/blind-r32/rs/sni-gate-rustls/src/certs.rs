use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;

#[derive(Clone)]
pub struct Site {
    pub key: Arc<CertifiedKey>,
    pub backend: String,
}

/// In-memory view of the certs table. `resolve` runs on every TLS handshake,
/// so it only reads this map; the refresher task swaps in new entries.
#[derive(Debug, Default)]
pub struct CertStore {
    sites: RwLock<HashMap<String, Site>>,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site").field("backend", &self.backend).finish()
    }
}

impl CertStore {
    pub fn replace(&self, sites: HashMap<String, Site>) {
        *self.sites.write().unwrap() = sites;
    }

    pub fn backend_for(&self, host: &str) -> Option<String> {
        self.sites.read().unwrap().get(host).map(|s| s.backend.clone())
    }
}

impl ResolvesServerCert for CertStore {
    fn resolve(&self, client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let name = client_hello.server_name()?.to_ascii_lowercase();
        self.sites.read().unwrap().get(&name).map(|s| s.key.clone())
    }
}
