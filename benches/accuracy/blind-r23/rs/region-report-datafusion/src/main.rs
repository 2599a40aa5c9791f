use std::time::{Duration, Instant};

use datafusion::arrow::json::ArrayWriter;
use datafusion::logical_expr::ScalarUDF;
use datafusion::prelude::{ParquetReadOptions, SessionContext};

mod audit;
mod catalog;
mod udf;

async fn run_report(ctx: &SessionContext, sql: &str) -> anyhow::Result<Vec<serde_json::Value>> {
    let batches = ctx.sql(sql).await?.collect().await?;

    let mut writer = ArrayWriter::new(Vec::new());
    for batch in &batches {
        writer.write(batch)?;
    }
    writer.finish()?;
    let buf = writer.into_inner();
    if buf.is_empty() {
        return Ok(Vec::new());
    }
    Ok(serde_json::from_slice(&buf)?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let redis_url = std::env::var("GEO_REDIS_URL").unwrap_or_else(|_| "redis://geo-cache:6379/0".into());
    let log_dir = std::env::var("ACCESS_LOG_DIR").unwrap_or_else(|_| "/data/access-logs/".into());

    let catalog_pool = catalog::connect().await?;
    let audit_pool = audit::connect().await?;

    let ctx = SessionContext::new();
    ctx.register_udf(ScalarUDF::from(udf::GeoRegion::new(redis_url)));
    ctx.register_parquet("access_log", &log_dir, ParquetReadOptions::default())
        .await?;

    let mut ticker = tokio::time::interval(Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }

        let reports = match catalog::due_reports(&catalog_pool).await {
            Ok(reports) => reports,
            Err(e) => {
                tracing::warn!("cannot load report definitions: {e}");
                continue;
            }
        };

        for report in reports {
            let started = Instant::now();
            match run_report(&ctx, &report.sql).await {
                Ok(rows) => {
                    let elapsed = started.elapsed().as_millis() as i64;
                    audit::record_run(&audit_pool, report.id, &rows, elapsed).await?;
                    catalog::mark_ran(&catalog_pool, report.id).await?;
                    tracing::info!(report = %report.name, rows = rows.len(), elapsed, "report done");
                }
                Err(e) => {
                    tracing::error!(report = %report.name, "report failed: {e}");
                    audit::record_failure(&audit_pool, report.id, &e.to_string()).await?;
                }
            }
        }
    }

    catalog_pool.close().await;
    audit_pool.close().await;
    Ok(())
}
