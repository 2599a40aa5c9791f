use redis::AsyncCommands;

/// smtpd_sender_login_maps: envelope sender -> comma separated SASL logins
/// allowed to use it. The admin panel keeps the map in Redis hash `sender_logins`.
pub async fn lookup(redis_url: &str, sender: &str) -> anyhow::Result<Option<String>> {
    let mut con = redis::Client::open(redis_url)?.get_multiplexed_async_connection().await?;
    let sender = sender.to_ascii_lowercase();
    let exact: Option<String> = con.hget("sender_logins", &sender).await?;
    if exact.is_some() {
        return Ok(exact);
    }
    // Catch-all owners: "@example.com" -> "postmaster@example.com"
    match sender.split_once('@') {
        Some((_, domain)) => Ok(con.hget("sender_logins", format!("@{domain}")).await?),
        None => Ok(None),
    }
}
