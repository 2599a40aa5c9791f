use std::time::Duration;

use anyhow::Result;
use sqlx::PgPool;

/// `watch <id>`: polls the order in the background and prints status changes
/// while the operator keeps using the prompt.
pub async fn start(pool: &PgPool, order_id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    tokio::spawn(async move {
        let mut last: Option<String> = None;
        loop {
            let status = sqlx::query_scalar::<_, String>("SELECT status FROM orders WHERE id = $1")
                .bind(order_id)
                .fetch_one(&mut *conn)
                .await;
            match status {
                Ok(s) if last.as_deref() != Some(s.as_str()) => {
                    println!("\n[watch #{order_id}] {s}");
                    last = Some(s);
                }
                Ok(_) => {}
                Err(e) => eprintln!("\n[watch #{order_id}] {e}"),
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
    println!("watching order #{order_id}");
    Ok(())
}
