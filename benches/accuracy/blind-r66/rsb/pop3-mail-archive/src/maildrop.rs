//! Maildrop metadata in the archive database.
use mysql_async::prelude::*;
use mysql_async::{Opts, Pool};

pub struct Entry {
    pub message_id: u64,
    pub size: u64,
    pub uidl: String,
    pub s3_key: String,
}

pub fn open_pool(url: &str) -> anyhow::Result<Pool> {
    let opts = Opts::from_url(url)?;
    Ok(Pool::new(opts))
}

pub async fn check_password(pool: &Pool, user: &str, password: &str) -> anyhow::Result<Option<u64>> {
    let mut conn = pool.get_conn().await?;
    let row: Option<(u64, String, bool)> = conn
        .exec_first(
            "SELECT id, password_hash, enabled FROM auditor WHERE login = ?",
            (user,),
        )
        .await?;
    Ok(match row {
        Some((id, hash, true)) if bcrypt::verify(password, &hash).unwrap_or(false) => Some(id),
        _ => None,
    })
}

pub async fn list(pool: &Pool, auditor_id: u64) -> anyhow::Result<Vec<Entry>> {
    let mut conn = pool.get_conn().await?;
    let rows: Vec<(u64, u64, String, String)> = conn
        .exec(
            "SELECT m.id, m.size_bytes, m.uidl, m.s3_key
               FROM case_export_message m
               JOIN case_export e ON e.id = m.export_id
              WHERE e.auditor_id = ? AND e.expires_at > NOW()
              ORDER BY m.id",
            (auditor_id,),
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|(message_id, size, uidl, s3_key)| Entry { message_id, size, uidl, s3_key })
        .collect())
}

pub async fn log_download(pool: &Pool, auditor_id: u64, message_id: u64) -> anyhow::Result<()> {
    let mut conn = pool.get_conn().await?;
    conn.exec_drop(
        "INSERT INTO archive_access_log (auditor_id, message_id, via, at) VALUES (?, ?, 'pop3', NOW())",
        (auditor_id, message_id),
    )
    .await?;
    Ok(())
}
