//! Reading history (one row per telegram).

use dsmr5::state::State;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Store {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
}

impl Store {
    pub fn open(url: &str) -> anyhow::Result<Self> {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
        Ok(Store { pool })
    }

    pub fn insert_reading(&self, s: &State, price_eur_kwh: f64) -> anyhow::Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "INSERT INTO p1_readings \
               (read_at, delivered_t1, delivered_t2, returned_t1, returned_t2, \
                power_delivered_kw, power_returned_kw, price_eur_kwh) \
             VALUES (now(), $1, $2, $3, $4, $5, $6, $7)",
            &[
                &s.meterreadings[0].to,
                &s.meterreadings[1].to,
                &s.meterreadings[0].by,
                &s.meterreadings[1].by,
                &s.power_delivered,
                &s.power_received,
                &price_eur_kwh,
            ],
        )?;
        Ok(())
    }
}
