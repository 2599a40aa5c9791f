use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use zeebe::{Data, State};

use crate::ledger::Ledger;
use crate::receipts::ReceiptStore;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("payment provider: {0}")]
    Provider(#[from] reqwest::Error),
    #[error("storage: {0}")]
    Storage(#[from] mongodb::error::Error),
}

#[derive(Deserialize)]
pub struct ChargeRequest {
    pub order_id: String,
    pub amount_cents: i64,
    pub currency: String,
    pub card_token: String,
}

#[derive(Serialize)]
pub struct ChargeResult {
    pub charge_id: String,
}

#[derive(Deserialize)]
struct PspCharge {
    id: String,
}

pub async fn charge_card(req: Data<ChargeRequest>, ledger: State<Ledger>) -> Result<ChargeResult, PaymentError> {
    let psp_base = std::env::var("PSP_BASE_URL").unwrap_or_else(|_| "https://api.psp.example".to_string());
    let psp_key = std::env::var("PSP_SECRET_KEY").unwrap_or_default();

    let psp = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let charge: PspCharge = psp
        .post(format!("{psp_base}/v1/charges"))
        .bearer_auth(psp_key)
        .header("Idempotency-Key", req.order_id.as_str())
        .json(&json!({
            "amount": req.amount_cents,
            "currency": req.currency,
            "source": req.card_token,
        }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    ledger.record_charge(&req.order_id, req.amount_cents, &charge.id).await?;
    tracing::info!(order = %req.order_id, charge = %charge.id, "card charged");
    Ok(ChargeResult { charge_id: charge.id })
}

pub struct ReceiptDeps {
    pub store: ReceiptStore,
    pub mailer: reqwest::Client,
    pub mailer_url: String,
}

#[derive(Deserialize)]
pub struct ReceiptRequest {
    pub order_id: String,
    pub email: String,
    pub charge_id: String,
}

#[derive(Serialize)]
pub struct ReceiptResult {
    pub receipt_sent: bool,
}

pub async fn send_receipt(req: Data<ReceiptRequest>, deps: State<ReceiptDeps>) -> Result<ReceiptResult, PaymentError> {
    if deps.store.already_sent(&req.order_id).await? {
        return Ok(ReceiptResult { receipt_sent: true });
    }
    deps.mailer
        .post(format!("{}/send", deps.mailer_url))
        .json(&json!({
            "template": "payment-receipt",
            "to": req.email,
            "vars": { "order_id": req.order_id, "charge_id": req.charge_id },
        }))
        .send()
        .await?
        .error_for_status()?;
    deps.store.mark_sent(&req.order_id, &req.email).await?;
    Ok(ReceiptResult { receipt_sent: true })
}
