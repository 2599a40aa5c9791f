use std::env;
use std::sync::LazyLock;

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::NoTls;

use crate::db::PgPool;

/// Double-entry ledger tables live in the settlements database as well.
static LEDGER: LazyLock<PgPool> = LazyLock::new(|| {
    let url = env::var("SETTLEMENT_DB_URL").expect("SETTLEMENT_DB_URL not set");
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls).expect("ledger db url");
    Pool::builder().max_size(8).build_unchecked(manager)
});

pub async fn post_entries(
    settlement_id: &str,
    merchant_id: i64,
    amount_minor: i64,
    fee_minor: i64,
) -> anyhow::Result<()> {
    let mut conn = LEDGER.get().await?;
    let tx = conn.transaction().await?;
    tx.execute(
        "INSERT INTO ledger_entries (settlement_id, account, direction, amount_minor) \
         VALUES ($1, 'merchant:' || $2::text, 'credit', $3), \
                ($1, 'fees', 'credit', $4), \
                ($1, 'scheme_clearing', 'debit', $3 + $4)",
        &[&settlement_id, &merchant_id, &amount_minor, &fee_minor],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
