use gtfs_rt::FeedMessage;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    PgPoolOptions::new().max_connections(5).connect(&url).await
}

/// Replaces the agency's current delays with the ones in `feed`. A feed
/// older than the one already applied is ignored; the open transaction is
/// rolled back when it goes out of scope.
pub async fn apply_trip_updates(pool: &PgPool, agency: &str, feed: &FeedMessage) -> Result<u64, sqlx::Error> {
    let feed_ts = feed.header.timestamp.unwrap_or(0) as i64;

    let mut tx = pool.begin().await?;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT feed_ts FROM feed_state WHERE agency = $1 FOR UPDATE")
            .bind(agency)
            .fetch_optional(&mut *tx)
            .await?;
    if matches!(last, Some(prev) if prev >= feed_ts) {
        return Ok(0);
    }

    sqlx::query("DELETE FROM current_delays WHERE agency = $1")
        .bind(agency)
        .execute(&mut *tx)
        .await?;

    let mut rows = 0;
    for entity in &feed.entity {
        let Some(tu) = &entity.trip_update else { continue };
        let trip_id = tu.trip.trip_id.clone().unwrap_or_default();
        let route_id = tu.trip.route_id.clone().unwrap_or_default();
        for stu in &tu.stop_time_update {
            let delay = stu
                .arrival
                .as_ref()
                .and_then(|a| a.delay)
                .or(tu.delay);
            let Some(delay) = delay else { continue };
            sqlx::query(
                "INSERT INTO current_delays (agency, trip_id, route_id, stop_id, delay_s) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(agency)
            .bind(&trip_id)
            .bind(&route_id)
            .bind(stu.stop_id.clone().unwrap_or_default())
            .bind(delay)
            .execute(&mut *tx)
            .await?;
            rows += 1;
        }
    }

    sqlx::query(
        "INSERT INTO feed_state (agency, feed_ts) VALUES ($1, $2) \
         ON CONFLICT (agency) DO UPDATE SET feed_ts = EXCLUDED.feed_ts",
    )
    .bind(agency)
    .bind(feed_ts)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}
