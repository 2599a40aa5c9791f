use bastion::distributor::Distributor;
use bastion::prelude::*;
use deadpool_postgres::Pool;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Reading {
    pub sensor_id: String,
    pub site: String,
    pub celsius: f64,
    pub humidity: f64,
    pub taken_at: i64,
}

pub fn spawn_workers(pool: Pool, redundancy: usize) -> Result<ChildrenRef, ()> {
    Bastion::children(move |children| {
        let pool = pool.clone();
        children
            .with_redundancy(redundancy)
            .with_distributor(Distributor::named("ingest"))
            .with_exec(move |ctx: BastionContext| {
                let pool = pool.clone();
                async move {
                    loop {
                        msg! { ctx.recv().await?,
                            reading: Reading =!> {
                                if let Err(e) = store(&pool, &reading).await {
                                    log::error!("store failed for {}: {e:#}", reading.sensor_id);
                                }
                                answer!(ctx, "ok").expect("couldn't answer");
                            };
                            reading: Reading => {
                                if let Err(e) = store(&pool, &reading).await {
                                    log::error!("store failed for {}: {e:#}", reading.sensor_id);
                                }
                            };
                            _: _ => ();
                        }
                    }
                }
            })
    })
}

// Runs once per reading delivered to a worker.
async fn store(pool: &Pool, reading: &Reading) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client.batch_execute("BEGIN").await?;
    client
        .execute(
            "INSERT INTO readings (sensor_id, site, celsius, humidity, taken_at) \
             VALUES ($1, $2, $3, $4, to_timestamp($5))",
            &[&reading.sensor_id, &reading.site, &reading.celsius, &reading.humidity, &(reading.taken_at as f64)],
        )
        .await?;
    client
        .execute(
            "UPDATE sensors SET last_seen = to_timestamp($2), last_celsius = $3 WHERE id = $1",
            &[&reading.sensor_id, &(reading.taken_at as f64), &reading.celsius],
        )
        .await?;
    client.batch_execute("COMMIT").await?;

    if reading.celsius > 8.0 {
        let mongo = crate::archive::client().await?;
        crate::archive::record_excursion(&mongo, reading).await?;
    }
    Ok(())
}
