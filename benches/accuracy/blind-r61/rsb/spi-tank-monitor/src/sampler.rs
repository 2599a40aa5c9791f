use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::Pool;

use crate::{adc, telemetry};

pub struct Sample {
    pub tank_id: u32,
    pub litres: f64,
}

struct Calibration {
    empty_raw: f64,
    full_raw: f64,
    capacity_l: f64,
}

pub fn run(pool: Pool, tx: Sender<Sample>) -> anyhow::Result<()> {
    let tank_id: u32 = std::env::var("TANK_ID").unwrap_or_else(|_| "1".into()).parse()?;
    let adc = adc::Mcp3008::open("/dev/spidev0.0")?;

    let mut conn = pool.get_conn()?;
    let (empty_raw, full_raw, capacity_l): (f64, f64, f64) = conn
        .exec_first(
            "SELECT empty_raw, full_raw, capacity_l FROM tank_calibration WHERE tank_id = ?",
            (tank_id,),
        )?
        .ok_or_else(|| anyhow::anyhow!("no calibration for tank {tank_id}"))?;
    let cal = Calibration { empty_raw, full_raw, capacity_l };
    log::info!("tank {tank_id}: calibration loaded, sampling every 2 s");

    loop {
        // 8 reads, median, to ride out pump switching noise
        let mut raw: Vec<u16> = (0..8).map(|_| adc.read(0)).collect::<Result<_, _>>()?;
        raw.sort_unstable();
        let median = raw[4] as f64;

        let fraction = ((median - cal.empty_raw) / (cal.full_raw - cal.empty_raw)).clamp(0.0, 1.0);
        let litres = fraction * cal.capacity_l;

        if let Err(e) = telemetry::push(tank_id, litres, median) {
            log::warn!("telemetry push failed: {e}");
        }
        if tx.send(Sample { tank_id, litres }).is_err() {
            return Ok(());
        }
        thread::sleep(Duration::from_secs(2));
    }
}
