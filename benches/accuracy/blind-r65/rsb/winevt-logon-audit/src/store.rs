use bb8::Pool;
use bb8_tiberius::ConnectionManager;

use crate::logon::LogonEvent;

pub type SqlPool = Pool<ConnectionManager>;

pub async fn pool(ado_conn_str: &str) -> anyhow::Result<SqlPool> {
    let config = tiberius::Config::from_ado_string(ado_conn_str)?;
    let mgr = ConnectionManager::new(config);
    Ok(Pool::builder().max_size(4).build(mgr).await?)
}

pub async fn insert(pool: &SqlPool, ev: &LogonEvent) -> anyhow::Result<()> {
    let mut conn = pool.get().await?;
    conn.execute(
        "INSERT INTO audit.logon_event (event_id, occurred_at, dc, user_name, domain_name, logon_type, source_ip)
         VALUES (@P1, @P2, @P3, @P4, @P5, @P6, @P7)",
        &[
            &ev.event_id,
            &ev.at,
            &ev.computer.as_str(),
            &ev.user.as_str(),
            &ev.domain.as_str(),
            &ev.logon_type,
            &ev.source_ip.as_deref(),
        ],
    )
    .await?;
    Ok(())
}
