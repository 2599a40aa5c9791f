//! The meter pushes a telegram every second on its P1 port (115200 8N1,
//! inverted RX handled by the cable). We keep one Postgres connection for
//! the lifetime of the process and write every telegram through it.

use std::io::Read;
use std::time::{Duration, Instant};

mod pvoutput;
mod store;

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let device = std::env::var("P1_DEVICE").unwrap_or_else(|_| "/dev/ttyUSB0".to_string());

    let mut db = store::connect_with_retry(12)?;
    let pv = pvoutput::Uploader::from_env()?;

    let port = serialport::new(&device, 115_200)
        .timeout(Duration::from_secs(10))
        .open()?;
    let reader = dsmr5::Reader::new(port.bytes().map_while(Result::ok));

    let mut last_upload = Instant::now();
    for readout in reader {
        let telegram = match readout.to_telegram() {
            Ok(t) => t,
            Err(e) => {
                log::debug!("bad telegram: {e:?}");
                continue;
            }
        };
        let state = match dsmr5::Result::<dsmr5::state::State>::from(&telegram) {
            Ok(s) => s,
            Err(e) => {
                log::debug!("unreadable telegram: {e:?}");
                continue;
            }
        };

        store::insert_sample(&mut db, &state)?;

        if last_upload.elapsed() >= Duration::from_secs(300) {
            if let Err(e) = pv.upload(&state) {
                log::warn!("pvoutput upload failed: {e}");
            }
            last_upload = Instant::now();
        }
    }
    anyhow::bail!("serial port {device} closed")
}
