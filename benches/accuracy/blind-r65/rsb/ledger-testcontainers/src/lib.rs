//! Ledger repository. Every function borrows the caller's pool; the payouts
//! service builds that pool once at start-up.

use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("entry does not balance: sum is {0}")]
    Unbalanced(i64),
    #[error("account {0} would go negative")]
    Overdraft(String),
    #[error("unknown account {0}")]
    UnknownAccount(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn open_account(pool: &PgPool, code: &str, currency: &str, allow_negative: bool) -> Result<Uuid, LedgerError> {
    let id = Uuid::new_v4();
    sqlx::query("INSERT INTO account (id, code, currency, allow_negative) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(code)
        .bind(currency)
        .bind(allow_negative)
        .execute(pool)
        .await?;
    Ok(id)
}

/// Posts a balanced entry. Idempotent on `external_ref`.
pub async fn post(pool: &PgPool, external_ref: &str, legs: &[(&str, i64)]) -> Result<Uuid, LedgerError> {
    let sum: i64 = legs.iter().map(|(_, a)| a).sum();
    if sum != 0 {
        return Err(LedgerError::Unbalanced(sum));
    }

    let mut tx = pool.begin().await?;
    if let Some(existing) = sqlx::query_scalar::<_, Uuid>("SELECT id FROM journal_entry WHERE external_ref = $1")
        .bind(external_ref)
        .fetch_optional(&mut *tx)
        .await?
    {
        return Ok(existing); // tx rolls back on drop
    }

    let entry = Uuid::new_v4();
    sqlx::query("INSERT INTO journal_entry (id, external_ref) VALUES ($1, $2)")
        .bind(entry)
        .bind(external_ref)
        .execute(&mut *tx)
        .await?;

    for (code, amount) in legs {
        let (account, allow_negative) = lock_account(&mut tx, code).await?;
        sqlx::query("INSERT INTO posting (entry_id, account_id, amount_minor) VALUES ($1, $2, $3)")
            .bind(entry)
            .bind(account)
            .bind(amount)
            .execute(&mut *tx)
            .await?;
        if !allow_negative && balance_in(&mut tx, account).await? < 0 {
            return Err(LedgerError::Overdraft(code.to_string()));
        }
    }
    tx.commit().await?;
    Ok(entry)
}

pub async fn balance(pool: &PgPool, code: &str) -> Result<i64, LedgerError> {
    let bal: Option<i64> = sqlx::query_scalar(
        "SELECT COALESCE(SUM(p.amount_minor), 0)::bigint FROM account a
           LEFT JOIN posting p ON p.account_id = a.id WHERE a.code = $1 GROUP BY a.id",
    )
    .bind(code)
    .fetch_optional(pool)
    .await?;
    bal.ok_or_else(|| LedgerError::UnknownAccount(code.to_string()))
}

async fn lock_account(tx: &mut Transaction<'_, Postgres>, code: &str) -> Result<(Uuid, bool), LedgerError> {
    sqlx::query_as::<_, (Uuid, bool)>("SELECT id, allow_negative FROM account WHERE code = $1 FOR UPDATE")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| LedgerError::UnknownAccount(code.to_string()))
}

async fn balance_in(tx: &mut Transaction<'_, Postgres>, account: Uuid) -> Result<i64, LedgerError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(SUM(amount_minor), 0)::bigint FROM posting WHERE account_id = $1",
    )
    .bind(account)
    .fetch_one(&mut **tx)
    .await?)
}
