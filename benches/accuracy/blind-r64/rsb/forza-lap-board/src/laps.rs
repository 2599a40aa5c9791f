use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::telemetry::Telemetry;

pub struct LapWriter {
    conn: PoolConnection<Postgres>,
    driver: String,
    session_id: i64,
}

impl LapWriter {
    pub async fn open(pool: &PgPool, driver: String) -> sqlx::Result<LapWriter> {
        let mut conn = pool.acquire().await?;
        let session_id: i64 = sqlx::query_scalar(
            "INSERT INTO sessions (driver, started_at) VALUES ($1, now()) RETURNING id",
        )
        .bind(&driver)
        .fetch_one(&mut *conn)
        .await?;
        Ok(LapWriter { conn, driver, session_id })
    }

    pub async fn finish_lap(&mut self, t: &Telemetry) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO laps (session_id, driver, car_ordinal, car_class, car_pi, lap_number, lap_time_s) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(self.session_id)
        .bind(&self.driver)
        .bind(t.car_ordinal)
        .bind(t.car_class)
        .bind(t.car_pi)
        .bind(i32::from(t.lap_number))
        .bind(t.last_lap_s)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}

/// Refreshes the materialized leaderboard the league site reads from.
pub async fn refresh_board(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query("REFRESH MATERIALIZED VIEW CONCURRENTLY league_board")
        .execute(pool)
        .await?;
    Ok(())
}
