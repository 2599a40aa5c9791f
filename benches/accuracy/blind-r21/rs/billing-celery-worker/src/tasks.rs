use std::collections::HashMap;

use celery::prelude::*;
use mongodb::bson::{doc, Document};
use redis::AsyncCommands;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::clients::{ledger, HTTP};

#[derive(Deserialize)]
struct FxResponse {
    base: String,
    rates: HashMap<String, f64>,
}

fn env(name: &str) -> Result<String, TaskError> {
    std::env::var(name).with_unexpected_err(|| format!("{name} is not set"))
}

/// Renders the PDF for an invoice stored in the documents cluster and records
/// the rendered artefact in the ledger.
#[celery::task(name = "billing.render_invoice", max_retries = 5, time_limit = 120)]
pub async fn render_invoice(invoice_id: String) -> TaskResult<String> {
    let mongo = mongodb::Client::with_uri_str(&env("DOCUMENTS_MONGO_URI")?)
        .await
        .with_unexpected_err(|| "mongo connect")?;
    let invoices = mongo.database("billing").collection::<Document>("invoices");
    let invoice = invoices
        .find_one(doc! { "invoice_id": &invoice_id })
        .await
        .with_unexpected_err(|| "invoice lookup")?
        .ok_or_else(|| TaskError::ExpectedError(format!("invoice {invoice_id} not found")))?;

    let pdf_url = HTTP
        .post(format!("{}/render", env("PDF_RENDERER_URL")?))
        .json(&invoice)
        .send()
        .await
        .with_unexpected_err(|| "renderer unavailable")?
        .error_for_status()
        .with_expected_err(|| "renderer rejected invoice")?
        .text()
        .await
        .with_unexpected_err(|| "renderer body")?;

    sqlx::query("INSERT INTO invoice_artifacts (invoice_id, kind, url) VALUES ($1, 'pdf', $2)")
        .bind(&invoice_id)
        .bind(&pdf_url)
        .execute(ledger().await)
        .await
        .with_unexpected_err(|| "ledger insert")?;

    Ok(pdf_url)
}

/// Scheduled by celery beat on the Python side every 15 minutes.
#[celery::task(name = "billing.fx.refresh_rates", max_retries = 2)]
pub async fn refresh_fx_rates(base: String) -> TaskResult<usize> {
    let fx: FxResponse = HTTP
        .get(format!("{}/latest?base={base}", env("FX_API_URL")?))
        .send()
        .await
        .with_unexpected_err(|| "fx api")?
        .json()
        .await
        .with_unexpected_err(|| "fx payload")?;

    let cache = redis::Client::open(env("FX_CACHE_REDIS_URL")?).with_unexpected_err(|| "redis url")?;
    let mut con = cache
        .get_multiplexed_async_connection()
        .await
        .with_unexpected_err(|| "redis connect")?;
    let key = format!("fx:{}", fx.base);
    let pairs: Vec<(String, String)> = fx.rates.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    let _: () = con.hset_multiple(&key, &pairs).await.with_unexpected_err(|| "redis hset")?;
    let _: () = con.expire(&key, 3600).await.with_unexpected_err(|| "redis expire")?;

    Ok(pairs.len())
}

/// Marks an invoice as paid and books the matching ledger lines atomically.
#[celery::task(name = "billing.settle_invoice", max_retries = 3, acks_late = true)]
pub async fn settle_invoice(invoice_id: String, amount: Decimal, currency: String) -> TaskResult<()> {
    let pool = ledger().await;
    let mut tx = pool.begin().await.with_unexpected_err(|| "ledger begin")?;

    let updated = sqlx::query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1 AND status = 'open'")
        .bind(&invoice_id)
        .execute(&mut *tx)
        .await
        .with_unexpected_err(|| "invoice update")?;
    if updated.rows_affected() == 0 {
        return Err(TaskError::ExpectedError(format!("invoice {invoice_id} is not open")));
    }

    sqlx::query("INSERT INTO ledger_lines (invoice_id, account, amount, currency) VALUES ($1, 'receivables', $2, $3), ($1, 'cash', -$2, $3)")
        .bind(&invoice_id)
        .bind(amount)
        .bind(&currency)
        .execute(&mut *tx)
        .await
        .with_unexpected_err(|| "ledger lines")?;

    tx.commit().await.with_unexpected_err(|| "ledger commit")?;
    Ok(())
}
