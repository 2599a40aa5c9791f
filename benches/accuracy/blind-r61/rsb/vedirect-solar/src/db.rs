use std::thread;
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};

use crate::vedirect::Block;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;

diesel::table! {
    mppt_samples (id) {
        id -> Int8,
        sampled_at -> Timestamptz,
        battery_v -> Nullable<Float8>,
        battery_a -> Nullable<Float8>,
        panel_w -> Nullable<Int8>,
        yield_today_wh -> Nullable<Int8>,
        charge_state -> Nullable<Int8>,
    }
}

#[derive(Insertable)]
#[diesel(table_name = mppt_samples)]
struct NewSample {
    sampled_at: chrono::DateTime<chrono::Utc>,
    battery_v: Option<f64>,
    battery_a: Option<f64>,
    panel_w: Option<i64>,
    yield_today_wh: Option<i64>,
    charge_state: Option<i64>,
}

/// The cabin's router comes up after the Pi does; wait for the database
/// (at most ~5 minutes) and give up after that so systemd restarts us.
pub fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::builder()
            .max_size(2)
            .connection_timeout(Duration::from_secs(10))
            .build(ConnectionManager::<PgConnection>::new(url))
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 30 => {
                log::warn!("database not reachable yet (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(10));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Called once per VE.Direct block (about once a second).
pub fn store_block(pool: &PgPool, block: &Block) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    if !block.checksum_ok {
        return Ok(()); // line noise; the next block comes in a second
    }
    diesel::insert_into(mppt_samples::table)
        .values(&NewSample {
            sampled_at: chrono::Utc::now(),
            battery_v: block.battery_v(),
            battery_a: block.battery_a(),
            panel_w: block.panel_w(),
            yield_today_wh: block.yield_today_wh(),
            charge_state: block.charge_state(),
        })
        .execute(&mut conn)?;
    Ok(())
}
