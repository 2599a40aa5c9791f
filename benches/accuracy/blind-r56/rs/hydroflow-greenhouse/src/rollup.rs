//! Once a minute, copy the per-zone averages from ClickHouse's materialized
//! view into the Postgres table the irrigation planner reads.

use sqlx::PgPool;
use std::time::Duration;

#[derive(serde::Deserialize, clickhouse::Row)]
struct ZoneAvg {
    zone: String,
    metric: String,
    avg_value: f64,
}

pub async fn run(pool: PgPool) {
    let mut conn = match pool.acquire().await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "rollup: no database connection");
            return;
        }
    };
    let ch = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse.greenhouse.lan:8123".into()))
        .with_user("telemetry")
        .with_database("greenhouse");

    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        let avgs = match ch
            .query("SELECT zone, metric, avg(value) AS avg_value FROM readings_1m WHERE minute = toStartOfMinute(now() - 60) GROUP BY zone, metric")
            .fetch_all::<ZoneAvg>()
            .await
        {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!(error = %e, "rollup query failed");
                continue;
            }
        };
        for a in avgs {
            let res = sqlx::query(
                "INSERT INTO zone_conditions (zone, metric, avg_value, updated_at) VALUES ($1, $2, $3, now()) \
                 ON CONFLICT (zone, metric) DO UPDATE SET avg_value = EXCLUDED.avg_value, updated_at = now()",
            )
            .bind(&a.zone)
            .bind(&a.metric)
            .bind(a.avg_value)
            .execute(&mut *conn)
            .await;
            if let Err(e) = res {
                tracing::warn!(zone = %a.zone, error = %e, "upsert failed");
            }
        }
    }
}
