//! One-off: `backfill <carrier-export.csv>` imports historic parcels.

use parcel_tracker::db;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Row {
    code: String,
    carrier: String,
    status: String,
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: backfill <carrier-export.csv>"))?;
    let rows: Vec<Row> = csv::Reader::from_path(&path)?
        .deserialize()
        .collect::<Result<_, _>>()?;

    smol::block_on(async {
        let pool = db::make_pool("backfill").await?;

        let mut inserted = 0u64;
        for chunk in rows.chunks(1000) {
            let mut tx = pool.begin().await?;
            for row in chunk {
                inserted += sqlx::query(
                    "INSERT INTO parcels (code, carrier, status, eta_dirty) \
                     VALUES ($1, $2, $3, true) ON CONFLICT (code) DO NOTHING",
                )
                .bind(&row.code)
                .bind(&row.carrier)
                .bind(&row.status)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }

        pool.close().await;
        println!("backfill: {inserted} of {} rows inserted", rows.len());
        Ok(())
    })
}
