use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;
use firestore::FirestoreDb;
use serde::{Deserialize, Serialize};

use crate::{audit, ledger};

#[derive(Debug, Deserialize)]
pub struct Settlement {
    pub reference: String,
    pub merchant_id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub settled_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
struct MerchantBalanceDoc {
    merchant_id: String,
    balance_minor: i64,
    currency: String,
    last_settlement: String,
}

pub async fn handle(
    raw: &str,
    ledger_pool: &Pool,
    audit_pool: &Pool,
    project_id: &str,
) -> anyhow::Result<()> {
    let settlement: Settlement = serde_json::from_str(raw)?;

    let entry_id = ledger::book(ledger_pool, &settlement).await?;
    audit::record(audit_pool, entry_id, raw).await?;
    let balance = ledger::balance(ledger_pool, &settlement.merchant_id).await?;

    let db = FirestoreDb::new(project_id).await?;
    let doc = MerchantBalanceDoc {
        merchant_id: settlement.merchant_id.clone(),
        balance_minor: balance,
        currency: settlement.currency.clone(),
        last_settlement: settlement.reference.clone(),
    };
    let _: MerchantBalanceDoc = db
        .fluent()
        .update()
        .in_col("merchant_balances")
        .document_id(&settlement.merchant_id)
        .object(&doc)
        .execute()
        .await?;
    Ok(())
}
