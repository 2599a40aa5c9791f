use redis::AsyncCommands;
use serde_json::json;

use eve_router::event::Eve;

use crate::Clients;

/// Runs once per alert line from Suricata, using only the shared clients.
pub async fn alert(clients: &Clients, eve: &Eve) {
    let Some(alert) = eve.alert.as_ref() else { return };

    let insert = sqlx::query(
        "INSERT INTO ids_alerts \
           (seen_at, signature_id, signature, category, severity, src_ip, dest_ip, dest_port, proto, iface) \
         VALUES ($1::timestamptz, $2, $3, $4, $5, $6::inet, $7::inet, $8, $9, $10)",
    )
    .bind(&eve.timestamp)
    .bind(alert.signature_id)
    .bind(&alert.signature)
    .bind(&alert.category)
    .bind(alert.severity)
    .bind(eve.src_ip.as_deref())
    .bind(eve.dest_ip.as_deref())
    .bind(eve.dest_port.map(i32::from))
    .bind(eve.proto.as_deref())
    .bind(eve.in_iface.as_deref())
    .execute(&clients.db)
    .await;
    if let Err(e) = insert {
        eprintln!("eve-router: insert failed for sid {}: {e}", alert.signature_id);
    }

    let mut redis = clients.redis.clone();
    let sid_key = format!("ids:sid:{}", alert.signature_id);
    let _: redis::RedisResult<i64> = redis.incr(&sid_key, 1).await;
    if let Some(src) = &eve.src_ip {
        let _: redis::RedisResult<f64> = redis.zincr("ids:top_sources", src, 1).await;
    }

    if alert.severity == 1 {
        if let Some(hook) = &clients.slack_webhook {
            let text = format!(
                ":rotating_light: *{}* ({}) {} -> {}:{}",
                alert.signature,
                alert.category,
                eve.src_ip.as_deref().unwrap_or("?"),
                eve.dest_ip.as_deref().unwrap_or("?"),
                eve.dest_port.unwrap_or(0)
            );
            if let Err(e) = clients.http.post(hook).json(&json!({ "text": text })).send().await {
                eprintln!("eve-router: slack post failed: {e}");
            }
        }
    }
}
