//! The posting rules under test (same SQL as the ledger service).

use arbitrary::Arbitrary;
use postgres::Transaction;

#[derive(Arbitrary, Debug)]
pub struct Entry {
    pub account: u8,
    pub amount: i32,
    pub currency: Currency,
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq)]
pub enum Currency {
    Eur,
    Usd,
    Gbp,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
        }
    }
}

#[derive(Debug)]
pub enum Rejected {
    Unbalanced,
    MixedCurrency,
    Empty,
}

/// Posts a journal entry; must reject unbalanced or mixed-currency batches.
pub fn post(tx: &mut Transaction<'_>, entries: &[Entry]) -> Result<Option<Rejected>, postgres::Error> {
    let Some(first) = entries.first() else { return Ok(Some(Rejected::Empty)) };
    if entries.iter().any(|e| e.currency != first.currency) {
        return Ok(Some(Rejected::MixedCurrency));
    }
    if entries.iter().map(|e| e.amount as i64).sum::<i64>() != 0 {
        return Ok(Some(Rejected::Unbalanced));
    }

    let journal_id: i64 = tx
        .query_one("INSERT INTO journals (currency) VALUES ($1) RETURNING id", &[&first.currency.code()])?
        .get(0);
    let stmt = tx.prepare("INSERT INTO postings (journal_id, account_id, amount) VALUES ($1, $2, $3)")?;
    for e in entries {
        tx.execute(&stmt, &[&journal_id, &(e.account as i32), &(e.amount as i64)])?;
    }
    Ok(None)
}

/// Invariant checked after every input: every journal balances to zero.
pub fn all_journals_balance(tx: &mut Transaction<'_>) -> Result<bool, postgres::Error> {
    let row = tx.query_one(
        "SELECT count(*) FROM (SELECT journal_id FROM postings GROUP BY journal_id HAVING sum(amount) <> 0) t",
        &[],
    )?;
    Ok(row.get::<_, i64>(0) == 0)
}
