use std::sync::Arc;

use effectum::RunningJob;
use serde::Deserialize;
use serde_json::json;

use crate::search;

#[derive(Debug)]
pub struct JobContext {
    pub pg: deadpool_postgres::Pool,
    pub http: reqwest::Client,
    pub renderer_url: String,
    pub mailer_url: String,
}

#[derive(Debug, Deserialize)]
pub struct InvoiceJob {
    pub tenant: String,
    pub invoice_id: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("bad payload: {0}")]
    Payload(#[from] effectum::Error),
    #[error("database: {0}")]
    Db(#[from] tokio_postgres::Error),
    #[error("pool: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("search: {0}")]
    Search(#[from] elasticsearch::Error),
}

pub async fn render_invoice(job: RunningJob, ctx: Arc<JobContext>) -> Result<(), JobError> {
    let payload: InvoiceJob = job.json_payload()?;
    let client = ctx.pg.get().await?;
    let row = client
        .query_one(
            "SELECT to_jsonb(i) FROM invoices i WHERE tenant = $1 AND id = $2",
            &[&payload.tenant, &payload.invoice_id],
        )
        .await?;
    let doc: serde_json::Value = row.get(0);

    let pdf = ctx
        .http
        .post(format!("{}/render/invoice", ctx.renderer_url))
        .json(&doc)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;

    client
        .execute(
            "UPDATE invoices SET pdf = $3, rendered_at = now() WHERE tenant = $1 AND id = $2",
            &[&payload.tenant, &payload.invoice_id, &pdf.as_ref()],
        )
        .await?;
    Ok(())
}

pub async fn deliver_invoice(job: RunningJob, ctx: Arc<JobContext>) -> Result<(), JobError> {
    let payload: InvoiceJob = job.json_payload()?;
    let mut client = ctx.pg.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_one(
            "SELECT billing_email FROM invoices WHERE tenant = $1 AND id = $2 FOR UPDATE",
            &[&payload.tenant, &payload.invoice_id],
        )
        .await?;
    let email: String = row.get(0);

    ctx.http
        .post(format!("{}/send", ctx.mailer_url))
        .json(&json!({ "to": email, "template": "invoice", "invoice_id": payload.invoice_id }))
        .send()
        .await?
        .error_for_status()?;

    tx.execute(
        "UPDATE invoices SET delivered_at = now() WHERE tenant = $1 AND id = $2",
        &[&payload.tenant, &payload.invoice_id],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn index_invoice(job: RunningJob, ctx: Arc<JobContext>) -> Result<(), JobError> {
    let payload: InvoiceJob = job.json_payload()?;
    let client = ctx.pg.get().await?;
    let row = client
        .query_one(
            "SELECT to_jsonb(i) - 'pdf' FROM invoices i WHERE tenant = $1 AND id = $2",
            &[&payload.tenant, &payload.invoice_id],
        )
        .await?;
    let doc: serde_json::Value = row.get(0);
    drop(client);

    let es = search::client_for(&ctx.pg, &payload.tenant).await?;
    es.index(elasticsearch::IndexParts::IndexId("invoices", &payload.invoice_id.to_string()))
        .body(doc)
        .send()
        .await?
        .error_for_status_code()?;
    Ok(())
}
