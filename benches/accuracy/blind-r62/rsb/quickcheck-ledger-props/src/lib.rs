//! Double-entry ledger: every transfer writes one debit and one credit
//! posting inside the caller's transaction.

use postgres::{GenericClient, Transaction};

#[derive(Debug, Clone)]
pub struct Transfer {
    pub from: i64,
    pub to: i64,
    pub amount_cents: i64,
    pub memo: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("transfer to the same account")]
    SameAccount,
    #[error("amount must be positive")]
    NonPositive,
    #[error("insufficient funds in account {0}")]
    InsufficientFunds(i64),
    #[error(transparent)]
    Db(#[from] postgres::Error),
}

pub fn balance<C: GenericClient>(client: &mut C, account: i64) -> Result<i64, postgres::Error> {
    let row = client.query_one(
        "SELECT COALESCE(SUM(amount_cents), 0)::bigint FROM postings WHERE account_id = $1",
        &[&account],
    )?;
    Ok(row.get(0))
}

pub fn post_transfer(tx: &mut Transaction<'_>, t: &Transfer) -> Result<i64, LedgerError> {
    if t.from == t.to {
        return Err(LedgerError::SameAccount);
    }
    if t.amount_cents <= 0 {
        return Err(LedgerError::NonPositive);
    }
    // Lock both accounts in id order so concurrent transfers cannot deadlock.
    let (a, b) = if t.from < t.to { (t.from, t.to) } else { (t.to, t.from) };
    tx.execute("SELECT 1 FROM accounts WHERE id IN ($1, $2) ORDER BY id FOR UPDATE", &[&a, &b])?;

    let allow_overdraft: bool = tx
        .query_one("SELECT allow_overdraft FROM accounts WHERE id = $1", &[&t.from])?
        .get(0);
    if !allow_overdraft && balance(tx, t.from)? < t.amount_cents {
        return Err(LedgerError::InsufficientFunds(t.from));
    }

    let id: i64 = tx
        .query_one(
            "INSERT INTO transfers (from_account, to_account, amount_cents, memo) \
             VALUES ($1, $2, $3, $4) RETURNING id",
            &[&t.from, &t.to, &t.amount_cents, &t.memo],
        )?
        .get(0);
    tx.execute(
        "INSERT INTO postings (transfer_id, account_id, amount_cents) VALUES ($1, $2, $3), ($1, $4, $5)",
        &[&id, &t.from, &(-t.amount_cents), &t.to, &t.amount_cents],
    )?;
    Ok(id)
}
