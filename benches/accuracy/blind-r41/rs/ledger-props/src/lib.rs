use sqlx::PgConnection;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("insufficient funds in account {0}")]
    InsufficientFunds(i64),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn open_account(conn: &mut PgConnection, owner: &str) -> Result<i64, LedgerError> {
    Ok(sqlx::query_scalar("INSERT INTO accounts (owner, balance_cents) VALUES ($1, 0) RETURNING id")
        .bind(owner)
        .fetch_one(conn)
        .await?)
}

pub async fn deposit(conn: &mut PgConnection, account: i64, cents: i64) -> Result<(), LedgerError> {
    sqlx::query("UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1")
        .bind(account)
        .bind(cents)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO entries (account_id, delta_cents) VALUES ($1, $2)")
        .bind(account)
        .bind(cents)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn transfer(conn: &mut PgConnection, from: i64, to: i64, cents: i64) -> Result<(), LedgerError> {
    let balance: i64 = sqlx::query_scalar("SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE")
        .bind(from)
        .fetch_one(&mut *conn)
        .await?;
    if balance < cents {
        return Err(LedgerError::InsufficientFunds(from));
    }
    deposit(&mut *conn, from, -cents).await?;
    deposit(conn, to, cents).await
}

pub async fn balance(conn: &mut PgConnection, account: i64) -> Result<i64, LedgerError> {
    Ok(sqlx::query_scalar("SELECT balance_cents FROM accounts WHERE id = $1").bind(account).fetch_one(conn).await?)
}

pub async fn entries_sum(conn: &mut PgConnection) -> Result<i64, LedgerError> {
    Ok(sqlx::query_scalar("SELECT COALESCE(SUM(delta_cents), 0)::int8 FROM entries").fetch_one(conn).await?)
}
