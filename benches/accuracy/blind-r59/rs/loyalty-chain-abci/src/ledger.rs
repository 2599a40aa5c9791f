//! Off-chain mirror of committed balances, read by the member portal.

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub struct Ledger {
    pool: PgPool,
}

pub struct Restored {
    pub height: i64,
    pub app_hash: Vec<u8>,
    pub balances: Vec<(String, i64)>,
}

impl Ledger {
    pub fn connect(url: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let pool = r2d2::Pool::builder().max_size(6).build(PostgresConnectionManager::new(url.parse()?, NoTls))?;
        Ok(Ledger { pool })
    }

    pub fn last_committed(&self) -> Result<Restored, Box<dyn std::error::Error>> {
        let mut conn = self.pool.get()?;
        let row = conn.query_opt("SELECT height, app_hash FROM chain_tip WHERE id = 1", &[])?;
        let balances = conn
            .query("SELECT member_id, points FROM balances", &[])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        Ok(match row {
            Some(r) => Restored { height: r.get(0), app_hash: r.get(1), balances },
            None => Restored { height: 0, app_hash: Vec::new(), balances },
        })
    }

    /// Called from commit(): write every balance touched in the block.
    pub fn flush(&self, height: i64, app_hash: &[u8], balances: &[(String, i64)]) -> Result<(), postgres::Error> {
        let mut conn = self.pool.get().expect("ledger pool exhausted");
        let mut tx = conn.transaction()?;
        for (member, points) in balances {
            tx.execute(
                "INSERT INTO balances (member_id, points, height) VALUES ($1, $2, $3)
                 ON CONFLICT (member_id) DO UPDATE SET points = EXCLUDED.points, height = EXCLUDED.height",
                &[member, points, &height],
            )?;
        }
        tx.execute(
            "INSERT INTO chain_tip (id, height, app_hash) VALUES (1, $1, $2)
             ON CONFLICT (id) DO UPDATE SET height = EXCLUDED.height, app_hash = EXCLUDED.app_hash",
            &[&height, &app_hash],
        )?;
        tx.commit()
    }
}
