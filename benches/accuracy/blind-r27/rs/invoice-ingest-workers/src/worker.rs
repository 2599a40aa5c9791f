//! One invoice: fetch the PDF from S3, OCR it, book it.

use aws_config::BehaviorVersion;
use serde::Deserialize;
use sqlx::PgPool;

use crate::ocr;

#[derive(Debug, Deserialize)]
pub struct InvoiceJob {
    pub batch: String,
    pub supplier: String,
    pub s3_key: String,
}

fn bucket() -> String {
    std::env::var("UPLOAD_BUCKET").unwrap_or_else(|_| "supplier-portal-uploads".into())
}

pub async fn process(job: InvoiceJob, pool: &PgPool) -> anyhow::Result<()> {
    let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
    let object = s3
        .get_object()
        .bucket(bucket())
        .key(&job.s3_key)
        .send()
        .await?;
    let pdf = object.body.collect().await?.into_bytes();

    let http = ocr::client();
    let parsed = ocr::extract(&http, pdf).await?;

    sqlx::query(
        "INSERT INTO invoices (batch_id, supplier, s3_key, invoice_no, net_cents, vat_cents, due_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7::date)
         ON CONFLICT (supplier, invoice_no) DO NOTHING",
    )
    .bind(&job.batch)
    .bind(&job.supplier)
    .bind(&job.s3_key)
    .bind(&parsed.invoice_no)
    .bind(parsed.net_cents)
    .bind(parsed.vat_cents)
    .bind(&parsed.due_date)
    .execute(pool)
    .await?;
    Ok(())
}
