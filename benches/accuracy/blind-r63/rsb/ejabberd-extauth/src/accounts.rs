use anyhow::Result;
use postgres::{Client, NoTls};
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn build_pool(url: &str) -> Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    // sized for the login storm after an ejabberd restart
    let pool = Pool::builder().max_size(64).min_idle(Some(4)).build(manager)?;
    Ok(pool)
}

/// Direct connection to the members database (used by the user-existence check).
pub fn connect_direct(url: &str) -> Result<Client> {
    Ok(Client::connect(url, NoTls)?)
}

pub fn check_password(pool: &PgPool, user: &str, server: &str, password: &str) -> Result<bool> {
    let mut conn = pool.get()?;
    let row = conn.query_opt(
        "SELECT password_hash FROM xmpp_accounts WHERE username = $1 AND domain = $2 AND NOT locked",
        &[&user, &server],
    )?;
    Ok(match row {
        Some(r) => bcrypt::verify(password, r.get::<_, &str>(0)).unwrap_or(false),
        None => false,
    })
}

pub fn set_password(pool: &PgPool, user: &str, server: &str, password: &str) -> Result<bool> {
    let hash = bcrypt::hash(password, 11)?;
    let mut conn = pool.get()?;
    let n = conn.execute(
        "UPDATE xmpp_accounts SET password_hash = $3, changed_at = now() WHERE username = $1 AND domain = $2",
        &[&user, &server, &hash],
    )?;
    Ok(n == 1)
}
