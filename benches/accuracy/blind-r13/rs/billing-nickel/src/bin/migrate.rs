//! One-off schema migration, run by the deploy pipeline before rollout.
use billing_nickel::db;
use postgres::{Client, NoTls};

const MIGRATIONS: &str = r#"
CREATE TABLE IF NOT EXISTS invoices (
    id BIGSERIAL PRIMARY KEY,
    customer TEXT NOT NULL,
    total_cents BIGINT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS usage (
    id BIGSERIAL PRIMARY KEY,
    customer TEXT NOT NULL,
    cents BIGINT NOT NULL,
    invoiced BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS jobs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    done_at TIMESTAMPTZ
);
"#;

fn main() -> Result<(), postgres::Error> {
    let mut client = Client::connect(&db::database_url(), NoTls)?;
    client.batch_execute(MIGRATIONS)?;
    client.close()?;
    println!("migrations applied");
    Ok(())
}
