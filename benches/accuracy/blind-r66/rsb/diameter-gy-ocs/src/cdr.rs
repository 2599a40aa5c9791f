//! Charging data records for the billing mediation export. Uses one dedicated
//! connection so CDR inserts never wait behind balance transactions.
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

pub struct CdrWriter {
    conn: PoolConnection<Postgres>,
}

impl CdrWriter {
    pub async fn new(pool: &PgPool) -> sqlx::Result<CdrWriter> {
        let conn = pool.acquire().await?;
        Ok(CdrWriter { conn })
    }

    pub async fn write(&mut self, session: &str, msisdn: &str, req_type: u32, used: u64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO gy_cdr (session_id, msisdn, request_type, used_octets, at)
             VALUES ($1, $2, $3, $4, now())",
        )
        .bind(session)
        .bind(msisdn)
        .bind(req_type as i32)
        .bind(used as i64)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}
