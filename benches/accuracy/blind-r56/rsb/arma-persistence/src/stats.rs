//! Kill statistics and the Discord kill feed.

use std::sync::LazyLock;

use mysql::prelude::*;
use mysql::Pool;
use serde_json::json;

static STATS_DB: LazyLock<Pool> = LazyLock::new(|| {
    let url = std::env::var("PERSIST_DB_URL")
        .unwrap_or_else(|_| "mysql://arma:arma@127.0.0.1:3306/milsim".to_string());
    Pool::new(url.as_str()).expect("stats database")
});

fn announce(text: &str) {
    let Ok(webhook) = std::env::var("PERSIST_DISCORD_WEBHOOK") else {
        return;
    };
    let http = reqwest::blocking::Client::new();
    let _ = http
        .post(webhook)
        .json(&json!({ "username": "Killfeed", "content": text }))
        .send();
}

/// Called from the mission's EntityKilled handler for every kill.
pub fn kill(killer_uid: String, killer_name: String, victim_name: String, weapon: String, distance: f64) -> Result<String, String> {
    let mut conn = STATS_DB.get_conn().map_err(|e| e.to_string())?;
    conn.exec_drop(
        "INSERT INTO kills (killer_uid, victim_name, weapon, distance_m, killed_at)
         VALUES (?, ?, ?, ?, NOW())",
        (&killer_uid, &victim_name, &weapon, distance),
    )
    .map_err(|e| e.to_string())?;

    if distance >= 800.0 {
        announce(&format!(
            "**{killer_name}** dropped {victim_name} at {distance:.0} m with {weapon}"
        ));
    }
    Ok("ok".into())
}

pub fn top(limit: u32) -> Result<String, String> {
    let mut conn = STATS_DB.get_conn().map_err(|e| e.to_string())?;
    let rows: Vec<(String, u64)> = conn
        .exec(
            "SELECT killer_uid, COUNT(*) AS n FROM kills GROUP BY killer_uid ORDER BY n DESC LIMIT ?",
            (limit.min(50),),
        )
        .map_err(|e| e.to_string())?;
    let parts: Vec<String> = rows.iter().map(|(uid, n)| format!("[\"{uid}\",{n}]")).collect();
    Ok(format!("[{}]", parts.join(",")))
}
