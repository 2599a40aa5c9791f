use sqlx::PgPool;
use tracing::{info, info_span, Instrument};

#[derive(Debug, sqlx::FromRow)]
struct DueContract {
    id: i64,
    tenant_id: String,
    amount_cents: i64,
}

/// Issues invoices for contracts whose billing date has passed.
pub async fn run_once(pool: &PgPool) -> anyhow::Result<usize> {
    let due: Vec<DueContract> = sqlx::query_as(
        "SELECT id, tenant_id, amount_cents FROM contracts \
         WHERE next_bill_at <= now() AND active ORDER BY next_bill_at LIMIT 100",
    )
    .fetch_all(pool)
    .await?;

    let mut issued = 0;
    for contract in due {
        let span = info_span!("invoice.issue", tenant.id = %contract.tenant_id, contract.id = contract.id);
        if issue(pool, &contract).instrument(span).await? {
            issued += 1;
        }
    }
    Ok(issued)
}

async fn issue(pool: &PgPool, contract: &DueContract) -> anyhow::Result<bool> {
    let mut tx = pool.begin().await?;

    let advanced = sqlx::query(
        "UPDATE contracts SET next_bill_at = next_bill_at + billing_period \
         WHERE id = $1 AND next_bill_at <= now()",
    )
    .bind(contract.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();

    if advanced == 0 {
        tx.rollback().await?;
        return Ok(false);
    }

    let invoice_id: i64 = sqlx::query_scalar(
        "INSERT INTO invoices (contract_id, tenant_id, amount_cents, status) \
         VALUES ($1, $2, $3, 'open') RETURNING id",
    )
    .bind(contract.id)
    .bind(&contract.tenant_id)
    .bind(contract.amount_cents)
    .fetch_one(&mut *tx)
    .await?;

    tx.commit().await?;
    info!(invoice_id, "invoice issued");
    Ok(true)
}
