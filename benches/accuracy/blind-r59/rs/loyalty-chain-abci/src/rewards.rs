//! Partner reward accrual: every committed earn/redeem is mirrored into the
//! partner settlement tables so the monthly invoicing job can pick it up.

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub struct Rewards {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
}

#[derive(Clone, Debug)]
pub struct Accrual {
    pub partner: String,
    pub member: String,
    pub points: i64,
    pub kind: &'static str,
}

impl Rewards {
    pub fn connect(url: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
        Ok(Rewards { pool })
    }

    pub fn settle(&self, height: i64, accruals: &[Accrual]) -> Result<u64, Box<dyn std::error::Error>> {
        if accruals.is_empty() {
            return Ok(0);
        }
        let mut conn = self.pool.get()?;
        let mut tx = conn.transaction()?;
        let mut written = 0;
        for a in accruals {
            written += tx.execute(
                "INSERT INTO partner_accruals (partner_id, member_id, points, kind, height)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&a.partner, &a.member, &a.points, &a.kind, &height],
            )?;
        }
        tx.commit()?;
        Ok(written)
    }
}
