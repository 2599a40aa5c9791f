use anyhow::Result;
use redis::AsyncCommands;
use sqlx::PgPool;

pub struct AuditLine<'a> {
    pub peer: &'a str,
    pub raw: &'a str,
}

/// `<PRI>Mmm dd hh:mm:ss host program[pid]: message` (rsyslog RSYSLOG_TraditionalForwardFormat)
fn split(raw: &str) -> (Option<&str>, Option<&str>, &str) {
    let rest = raw.split_once('>').map(|(_, r)| r).unwrap_or(raw);
    let mut it = rest.splitn(5, ' ');
    let (_mon, _day, _time) = (it.next(), it.next(), it.next());
    let host = it.next();
    let tail = it.next().unwrap_or("");
    let (program, msg) = match tail.split_once(": ") {
        Some((p, m)) => (Some(p.split('[').next().unwrap_or(p)), m),
        None => (None, tail),
    };
    (host, program, msg)
}

/// Called for every `syslog` RELP command (one per forwarded log line).
pub async fn store(pool: &PgPool, redis_url: &str, line: AuditLine<'_>) -> Result<()> {
    let (host, program, message) = split(line.raw);
    sqlx::query(
        "INSERT INTO audit_lines (relay_peer, host, program, message, raw, received_at)
         VALUES ($1, $2, $3, $4, $5, now())",
    )
    .bind(line.peer)
    .bind(host)
    .bind(program)
    .bind(message)
    .bind(line.raw)
    .execute(pool)
    .await?;

    if program == Some("sudo") {
        let counters = redis::Client::open(redis_url)?;
        let mut con = counters.get_multiplexed_async_connection().await?;
        let key = format!("audit:sudo:{}", host.unwrap_or("unknown"));
        let _: i64 = con.incr(&key, 1).await?;
        let _: bool = con.expire(&key, 86_400).await?;
    }
    Ok(())
}
