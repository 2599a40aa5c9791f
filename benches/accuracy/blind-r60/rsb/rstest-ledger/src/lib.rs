//! Double-entry ledger. Every function takes a `GenericClient`, so callers decide whether
//! it runs on a plain connection or inside their own transaction.

use postgres::GenericClient;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("amount must be positive, got {0}")]
    NonPositive(i64),
    #[error("insufficient funds in {account}: balance {balance}, needed {needed}")]
    InsufficientFunds { account: String, balance: i64, needed: i64 },
    #[error(transparent)]
    Db(#[from] postgres::Error),
}

pub struct Transfer<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub amount_minor: i64,
    pub currency: &'a str,
}

pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT NOT NULL, currency TEXT NOT NULL, overdraft BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (id, currency));
CREATE TABLE IF NOT EXISTS entries (
    id BIGSERIAL PRIMARY KEY, txn_id BIGINT NOT NULL, account TEXT NOT NULL,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE SEQUENCE IF NOT EXISTS txn_ids;
";

pub fn migrate<C: GenericClient>(db: &mut C) -> Result<(), postgres::Error> {
    db.batch_execute(SCHEMA)
}

pub fn open_account<C: GenericClient>(db: &mut C, id: &str, currency: &str, overdraft: bool) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO accounts (id, currency, overdraft) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        &[&id, &currency, &overdraft],
    )?;
    Ok(())
}

pub fn balance<C: GenericClient>(db: &mut C, account: &str, currency: &str) -> Result<i64, postgres::Error> {
    let row = db.query_one(
        "SELECT COALESCE(SUM(amount_minor), 0)::BIGINT FROM entries WHERE account = $1 AND currency = $2",
        &[&account, &currency],
    )?;
    Ok(row.get(0))
}

pub fn post_transfer<C: GenericClient>(db: &mut C, t: &Transfer<'_>) -> Result<i64, LedgerError> {
    if t.amount_minor <= 0 {
        return Err(LedgerError::NonPositive(t.amount_minor));
    }
    let mut tx = db.transaction()?;

    let overdraft: bool = tx
        .query_one(
            "SELECT overdraft FROM accounts WHERE id = $1 AND currency = $2 FOR UPDATE",
            &[&t.from, &t.currency],
        )?
        .get(0);
    let available = balance(&mut tx, t.from, t.currency)?;
    if !overdraft && available < t.amount_minor {
        return Err(LedgerError::InsufficientFunds {
            account: t.from.to_string(),
            balance: available,
            needed: t.amount_minor,
        });
    }

    let txn_id: i64 = tx.query_one("SELECT nextval('txn_ids')", &[])?.get(0);
    tx.execute(
        "INSERT INTO entries (txn_id, account, currency, amount_minor) VALUES ($1, $2, $4, -$3), ($1, $5, $4, $3)",
        &[&txn_id, &t.from, &t.amount_minor, &t.currency, &t.to],
    )?;
    tx.commit()?;
    Ok(txn_id)
}
