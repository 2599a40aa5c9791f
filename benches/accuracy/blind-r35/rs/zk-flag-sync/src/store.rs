use postgres::{Client, NoTls};

fn database_url() -> String {
    std::env::var("REPORTING_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://flags@reporting-db/flags".to_string())
}

/// Upserts the current value of a flag into the reporting database.
pub fn record_flag(flag: &str, value: &str, version: i32) -> anyhow::Result<()> {
    let mut client = Client::connect(&database_url(), NoTls)?;
    client.execute(
        "INSERT INTO feature_flags (name, value, zk_version, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO UPDATE
           SET value = EXCLUDED.value, zk_version = EXCLUDED.zk_version, updated_at = now()",
        &[&flag, &value, &version],
    )?;
    client.execute(
        "INSERT INTO feature_flag_history (name, value, zk_version) VALUES ($1, $2, $3)",
        &[&flag, &value, &version],
    )?;
    Ok(())
}
