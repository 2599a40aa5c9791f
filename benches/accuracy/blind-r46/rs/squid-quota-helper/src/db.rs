use postgres::{Client, NoTls};

pub fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("QUOTA_DB_URL")?;
    Ok(Client::connect(&url, NoTls)?)
}

/// Daily quota in MiB for the user's group; `None` = unlimited.
pub fn daily_quota_mib(client: &mut Client, user: &str) -> anyhow::Result<Option<i64>> {
    let row = client.query_opt(
        "SELECT g.daily_quota_mib FROM users u JOIN groups g ON g.id = u.group_id WHERE u.login = $1",
        &[&user],
    )?;
    Ok(row.and_then(|r| r.get::<_, Option<i64>>(0)))
}

pub fn is_whitelisted(client: &mut Client, domain: &str) -> anyhow::Result<bool> {
    let row = client.query_one(
        "SELECT EXISTS (SELECT 1 FROM whitelist WHERE $1 = domain OR $1 LIKE '%.' || domain)",
        &[&domain],
    )?;
    Ok(row.get(0))
}
