//! p1-meter-logger: runs as a systemd service on the meter-cupboard Pi.
//! The meter pushes one DSMR 5 telegram per second on the P1 port.

use std::io::{BufReader, Read};
use std::time::Duration;

use anyhow::Context;
use dsmr5::state::State;
use serial2::SerialPort;

mod balancer;
mod store;
mod tariff;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let device = std::env::var("P1_DEVICE").unwrap_or_else(|_| "/dev/ttyUSB0".into());
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL not set")?;
    let ha_webhook = std::env::var("HA_WEBHOOK_URL").ok();

    let store = store::Store::open(&db_url)?;
    let mut tariffs = tariff::TariffBook::open(&db_url)?;

    let mut port = SerialPort::open(&device, 115200).with_context(|| format!("open {device}"))?;
    port.set_read_timeout(Duration::from_secs(30))?;
    log::info!("reading P1 telegrams from {device}");

    let reader = dsmr5::Reader::new(BufReader::new(port).bytes());
    for readout in reader {
        let readout = match readout {
            Ok(r) => r,
            Err(e) => {
                log::warn!("P1 read error: {e:?}");
                continue;
            }
        };
        let telegram = match readout.to_telegram() {
            Ok(t) => t,
            Err(e) => {
                log::warn!("dropping telegram (CRC or format): {e:?}");
                continue;
            }
        };
        let state = match State::try_from(&telegram) {
            Ok(s) => s,
            Err(e) => {
                log::warn!("cannot decode telegram objects: {e:?}");
                continue;
            }
        };

        let price = tariffs.current_price(state.tariff_indicator)?;
        store.insert_reading(&state, price)?;

        if let Some(url) = ha_webhook.as_deref() {
            let net_kw = state.power_delivered.unwrap_or(0.0) - state.power_received.unwrap_or(0.0);
            if let Err(e) = balancer::push_net_power(url, net_kw) {
                log::warn!("load balancer webhook failed: {e}");
            }
        }
    }

    anyhow::bail!("P1 stream ended")
}
