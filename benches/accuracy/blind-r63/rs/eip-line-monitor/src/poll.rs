//! The hot loop: one iteration per `poll_ms` for as long as the line runs (24/7).

use std::time::Duration;

use anyhow::Result;
use rseip::client::ab_eip::*;
use rseip::precludes::*;
use sqlx::PgPool;

use crate::{andon, config::LineConfig, connect_plc};

pub async fn run(mut plc: AbEipClient, pool: PgPool, cfg: LineConfig) -> Result<()> {
    let count_tag = EPath::parse_tag(&cfg.tags.part_count)?;
    let fault_tag = EPath::parse_tag(&cfg.tags.fault_code)?;
    let running_tag = EPath::parse_tag(&cfg.tags.running)?;

    // dedicated connection for the hot loop so inserts never wait behind the reporter
    let mut conn = pool.acquire().await?;

    let mut last_count: Option<i32> = None;
    let mut last_fault = 0i32;
    let mut ticker = tokio::time::interval(Duration::from_millis(cfg.poll_ms));

    loop {
        ticker.tick().await;

        let read = async {
            let count: TagValue<i32> = plc.read_tag(count_tag.clone()).await?;
            let fault: TagValue<i32> = plc.read_tag(fault_tag.clone()).await?;
            let running: TagValue<bool> = plc.read_tag(running_tag.clone()).await?;
            Ok::<_, anyhow::Error>((count.value, fault.value, running.value))
        }
        .await;

        let (count, fault, running) = match read {
            Ok(values) => values,
            Err(err) => {
                tracing::warn!(error = %err, "PLC read failed, reconnecting");
                let _ = plc.close().await;
                plc = connect_plc(&cfg.plc_host).await?;
                continue;
            }
        };

        if let Some(prev) = last_count {
            // counter resets to 0 at shift change; only record forward movement
            if count > prev {
                sqlx::query(
                    "INSERT INTO part_counts (line_id, counted_at, delta, total) \
                     VALUES ($1, now(), $2, $3)",
                )
                .bind(&cfg.line_id)
                .bind(count - prev)
                .bind(count)
                .execute(&mut *conn)
                .await?;
            }
        }
        last_count = Some(count);

        if fault != last_fault {
            sqlx::query(
                "INSERT INTO line_faults (line_id, fault_code, running, observed_at) \
                 VALUES ($1, $2, $3, now())",
            )
            .bind(&cfg.line_id)
            .bind(fault)
            .bind(running)
            .execute(&mut *conn)
            .await?;

            if fault != 0 && last_fault == 0 {
                if let Err(err) = andon::raise(&cfg.andon_webhook, &cfg.line_id, fault).await {
                    tracing::error!(error = %err, "andon webhook failed");
                }
            }
            last_fault = fault;
        }
    }
}
