//! Thin client for the in-house OCR service (wraps Tesseract + a layout model).

use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct ParsedInvoice {
    pub invoice_no: String,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub due_date: String,
}

fn base_url() -> String {
    std::env::var("OCR_URL").unwrap_or_else(|_| "http://ocr.internal:9000".into())
}

/// Builds the HTTP client used to talk to the OCR service.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .pool_idle_timeout(Duration::from_secs(90))
        .build()
        .expect("reqwest client")
}

pub async fn extract(http: &reqwest::Client, pdf: Bytes) -> anyhow::Result<ParsedInvoice> {
    let resp = http
        .post(format!("{}/v2/invoice", base_url()))
        .header(reqwest::header::CONTENT_TYPE, "application/pdf")
        .body(pdf)
        .send()
        .await?
        .error_for_status()?;
    Ok(resp.json::<ParsedInvoice>().await?)
}
