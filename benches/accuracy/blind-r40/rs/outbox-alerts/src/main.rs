use std::time::Duration;

use flexi_logger::Logger;
use log::{error, info, warn};
use postgres::{Client, NoTls};

mod alert;

const BATCH: i64 = 50;

fn main() -> anyhow::Result<()> {
    let alert_writer = alert::AlertWriter::new(
        "outbox-relay",
        std::env::var("ONCALL_WEBHOOK_URL").ok(),
    )?;
    let _logger = Logger::try_with_env_or_str("info, reqwest=warn, hyper=warn, ureq=warn")?
        .log_to_writer(Box::new(alert_writer))
        .start()?;

    let mut db = connect_with_retry()?;
    let partner = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .max_idle_connections_per_host(4)
        .build();
    let partner_url = std::env::var("PARTNER_API_URL")?;

    info!("relay started");
    loop {
        match relay_batch(&mut db, &partner, &partner_url) {
            Ok(0) => std::thread::sleep(Duration::from_secs(2)),
            Ok(n) => info!("relayed {n} events"),
            Err(err) => {
                error!("relay batch failed: {err:#}");
                if db.is_closed() {
                    // systemd restarts us; the outbox rows stay unsent until then
                    return Err(err);
                }
                std::thread::sleep(Duration::from_secs(5));
            }
        }
    }
}

fn connect_with_retry() -> anyhow::Result<Client> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0;
    loop {
        match Client::connect(&url, NoTls) {
            Ok(client) => break Ok(client),
            Err(err) if attempt < 10 => {
                attempt += 1;
                warn!("database not reachable ({err}), attempt {attempt}/10");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(err) => break Err(err.into()),
        }
    }
}

fn relay_batch(db: &mut Client, partner: &ureq::Agent, url: &str) -> anyhow::Result<usize> {
    let mut tx = db.transaction()?;
    let rows = tx.query(
        "SELECT id, event_type, payload::text FROM billing_outbox \
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
        &[&BATCH],
    )?;
    for row in &rows {
        let id: i64 = row.get(0);
        let event_type: &str = row.get(1);
        let payload: &str = row.get(2);
        partner
            .post(&format!("{url}/events/{event_type}"))
            .set("Idempotency-Key", &id.to_string())
            .set("Content-Type", "application/json")
            .send_string(payload)?;
        tx.execute("UPDATE billing_outbox SET sent_at = now() WHERE id = $1", &[&id])?;
    }
    tx.commit()?;
    Ok(rows.len())
}
