//! Each tenant brings its own SMTP relay (their domain, their reputation).
//! Transports are pooled, so we keep one per tenant for the life of the process.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::SmtpTransport;

#[derive(Clone)]
pub struct Relay {
    pub from: String,
    pub transport: SmtpTransport,
}

static RELAYS: LazyLock<Mutex<HashMap<String, Relay>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn for_tenant(db: &mut postgres::Client, tenant: &str) -> anyhow::Result<Relay> {
    if let Some(relay) = RELAYS.lock().unwrap().get(tenant) {
        return Ok(relay.clone());
    }

    let row = db.query_one(
        "SELECT smtp_host, smtp_port, smtp_user, smtp_password, from_address
           FROM tenant_mail_settings WHERE tenant_id = $1",
        &[&tenant],
    )?;
    let host: String = row.get(0);
    let port: i32 = row.get(1);

    let transport = SmtpTransport::starttls_relay(&host)?
        .port(port as u16)
        .credentials(Credentials::new(row.get(2), row.get(3)))
        .timeout(Some(Duration::from_secs(20)))
        .pool_config(PoolConfig::new().max_size(2))
        .build();
    let relay = Relay { from: row.get(4), transport };

    let cached = RELAYS
        .lock()
        .unwrap()
        .entry(tenant.to_owned())
        .or_insert(relay)
        .clone();
    Ok(cached)
}
