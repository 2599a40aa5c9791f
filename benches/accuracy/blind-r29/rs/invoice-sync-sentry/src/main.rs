mod audit;
mod db;
mod incidents;

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

#[derive(Serialize)]
struct InvoicePayload<'a> {
    number: &'a str,
    customer: &'a str,
    total_cents: i64,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let dsn = std::env::var("SENTRY_DSN").unwrap_or_default();
    let db_url = std::env::var("DATABASE_URL")?;
    let api = std::env::var("ACCOUNTING_API")?;
    let pager_url = std::env::var("PAGER_WEBHOOK")?;

    let _guard = sentry::init((
        dsn,
        sentry::ClientOptions {
            release: sentry::release_name!(),
            before_send: Some(Arc::new(move |event| incidents::forward(&pager_url, event))),
            ..Default::default()
        },
    ));

    let pool = db::connect(&db_url)?;
    let audit = audit::AuditLog::open(&db_url)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;

    loop {
        let batch = match db::approved_invoices(&pool) {
            Ok(b) => b,
            Err(e) => {
                sentry::capture_error(&e);
                std::thread::sleep(Duration::from_secs(30));
                continue;
            }
        };
        for inv in &batch {
            let payload = InvoicePayload {
                number: &inv.number,
                customer: &inv.customer,
                total_cents: inv.total_cents,
            };
            match http.post(format!("{api}/invoices")).json(&payload).send() {
                Ok(resp) if resp.status().is_success() => {
                    db::mark_synced(&pool, inv.id)?;
                    audit.record(inv.id, "synced")?;
                }
                Ok(resp) => {
                    let msg = format!("accounting API rejected {}: {}", inv.number, resp.status());
                    sentry::capture_message(&msg, sentry::Level::Warning);
                    audit.record(inv.id, "rejected")?;
                }
                Err(e) => {
                    sentry::capture_error(&e);
                }
            }
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}
