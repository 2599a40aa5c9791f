use std::net::SocketAddr;

use tokio_postgres::NoTls;

use crate::ipfix::Template;

/// Keeps the `ipfix_template` inventory table current so the NOC can see
/// which exporter sends which fields. Routers re-send their templates every
/// 60 s (template-refresh-timeout), and every template set passes through here.
pub async fn record(db_url: &str, exporter: SocketAddr, domain: u32, tpl: &Template) -> anyhow::Result<()> {
    let (client, connection) = tokio_postgres::connect(db_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("template inventory connection: {e}");
        }
    });

    let ies: Vec<i32> = tpl.fields.iter().map(|f| f.ie as i32).collect();
    client
        .execute(
            "INSERT INTO ipfix_template (exporter, domain_id, template_id, ies, last_seen)
             VALUES ($1, $2, $3, $4, now())
             ON CONFLICT (exporter, domain_id, template_id)
             DO UPDATE SET ies = EXCLUDED.ies, last_seen = now()",
            &[&exporter.ip().to_string(), &(domain as i64), &(tpl.id as i32), &ies],
        )
        .await?;
    Ok(())
}
