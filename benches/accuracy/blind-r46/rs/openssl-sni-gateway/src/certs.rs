//! Tenant certificates live in Postgres. One background thread owns the only
//! DB client and rebuilds the in-memory SNI map every five minutes; the TLS
//! handshake path never touches the database.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use openssl::pkey::PKey;
use openssl::ssl::{SslContext, SslMethod};
use openssl::x509::X509;
use postgres::{Client, NoTls};

pub type CertMap = Arc<RwLock<HashMap<String, SslContext>>>;

pub fn connect_with_retry(url: &str) -> Client {
    let mut delay = Duration::from_millis(500);
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return client,
            Err(e) => {
                log::warn!("cert DB unavailable: {e}; retrying in {delay:?}");
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

fn load(client: &mut Client) -> anyhow::Result<HashMap<String, SslContext>> {
    let mut map = HashMap::new();
    for row in client.query("SELECT hostname, cert_pem, key_pem FROM tenant_certs WHERE revoked = false", &[])? {
        let host: String = row.get(0);
        let mut ctx = SslContext::builder(SslMethod::tls_server())?;
        ctx.set_certificate(&X509::from_pem(row.get::<_, &[u8]>(1))?)?;
        ctx.set_private_key(&PKey::private_key_from_pem(row.get::<_, &[u8]>(2))?)?;
        map.insert(host, ctx.build());
    }
    Ok(map)
}

pub fn spawn_refresher(mut client: Client, certs: CertMap) {
    std::thread::spawn(move || loop {
        match load(&mut client) {
            Ok(fresh) => *certs.write().unwrap() = fresh,
            Err(e) => log::error!("cert refresh failed: {e}"),
        }
        std::thread::sleep(Duration::from_secs(300));
    });
}

pub fn initial(client: &mut Client) -> anyhow::Result<CertMap> {
    Ok(Arc::new(RwLock::new(load(client)?)))
}
