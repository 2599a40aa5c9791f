use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

/// Writes raw readings for one greenhouse.
pub struct Recorder {
    conn: PoolConnection<Postgres>,
    house: String,
}

impl Recorder {
    pub async fn start(pool: &PgPool, house: String) -> sqlx::Result<Self> {
        let conn = pool.acquire().await?;
        Ok(Self { conn, house })
    }

    pub async fn store(&mut self, temperature_c: f32, humidity_pct: f32, pressure_pa: f32) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO readings (house, temperature_c, humidity_pct, pressure_pa, taken_at) \
             VALUES ($1, $2, $3, $4, now())",
        )
        .bind(&self.house)
        .bind(temperature_c)
        .bind(humidity_pct)
        .bind(pressure_pa)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}
