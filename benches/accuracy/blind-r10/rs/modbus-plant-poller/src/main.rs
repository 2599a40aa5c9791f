mod alarms;
mod db;

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context as _;
use tokio::time::MissedTickBehavior;
use tokio_modbus::prelude::*;

const BASE: u16 = 0x0010;
const TAGS: &[(&str, u16)] = &[
    ("supply_temp", 0x0010),
    ("return_temp", 0x0011),
    ("loop_pressure", 0x0020),
    ("flow_rate", 0x0021),
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pg_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let plc: SocketAddr = std::env::var("PLC_ADDR")
        .unwrap_or_else(|_| "10.0.4.20:502".into())
        .parse()?;

    let samples = db::pool(&pg_url)?;
    let alarm_store = alarms::AlarmStore::new(&pg_url)?;
    let mut ctx = tcp::connect_slave(plc, Slave(1)).await?;

    let mut tick = tokio::time::interval(Duration::from_secs(5));
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);

    loop {
        tick.tick().await;

        let words = match ctx.read_holding_registers(BASE, 0x12).await {
            Ok(Ok(words)) => words,
            Ok(Err(code)) => {
                tracing::warn!(?code, "modbus exception");
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "modbus transport error");
                continue;
            }
        };

        let readings: Vec<(&str, f64)> = TAGS
            .iter()
            .map(|(tag, addr)| (*tag, words[(addr - BASE) as usize] as f64 / 10.0))
            .collect();

        if let Err(e) = db::write_samples(&samples, &readings).await {
            tracing::error!(error = %e, "failed to write samples");
        }

        for (tag, value) in &readings {
            if let Some(limit) = alarm_store.limit_for(tag).await? {
                if *value > limit {
                    alarms::raise(&alarm_store, tag, *value, limit).await?;
                }
            }
        }
    }
}
