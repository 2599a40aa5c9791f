use mysql::prelude::*;
use mysql::Pool;
use serde_json::json;

/// Posts a summary of unread notifications per workspace to its Slack webhook.
pub fn send_digests(pool: &Pool, http: &reqwest::blocking::Client) -> anyhow::Result<()> {
    let mut conn = pool.get_conn()?;
    let rows: Vec<(u64, String, u64)> = conn.query(
        "SELECT w.id, w.webhook_url, count(n.id)
         FROM workspaces w JOIN notifications n ON n.workspace_id = w.id
         WHERE n.read_at IS NULL AND n.digested = 0
         GROUP BY w.id, w.webhook_url",
    )?;

    for (workspace_id, webhook, unread) in rows {
        http.post(&webhook)
            .json(&json!({ "text": format!("You have {unread} unread notifications") }))
            .send()?
            .error_for_status()?;
        conn.exec_drop(
            "UPDATE notifications SET digested = 1 WHERE workspace_id = ? AND read_at IS NULL",
            (workspace_id,),
        )?;
    }
    Ok(())
}

pub fn purge_sessions(pool: &Pool) -> anyhow::Result<u64> {
    let mut conn = pool.get_conn()?;
    conn.query_drop("DELETE FROM sessions WHERE expires_at < NOW()")?;
    Ok(conn.affected_rows())
}
