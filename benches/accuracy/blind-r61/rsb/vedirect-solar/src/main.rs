//! Long-running logger: the MPPT sends one VE.Direct text block per second
//! on its serial port. Every valid block becomes one row; every 5 minutes
//! the latest block is uploaded to PVOutput.

use std::io::BufReader;
use std::time::{Duration, Instant};

mod db;
mod pvoutput;
mod vedirect;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let port_path = std::env::var("VEDIRECT_PORT").unwrap_or_else(|_| "/dev/ttyUSB0".into());
    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?)?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;
    let uploader = pvoutput::Uploader::new(
        http,
        std::env::var("PVOUTPUT_API_KEY")?,
        std::env::var("PVOUTPUT_SYSTEM_ID")?,
    );

    let port = serialport::new(&port_path, 19_200)
        .timeout(Duration::from_secs(5))
        .open()?;
    let mut blocks = vedirect::BlockReader::new(BufReader::new(port));
    let mut last_upload: Option<Instant> = None;

    loop {
        let block = match blocks.next_block() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                log::warn!("no VE.Direct data for 5 s (charger asleep?)");
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if let Err(e) = db::store_block(&pool, &block) {
            log::warn!("store failed: {e:#}");
        }
        let upload_due = last_upload.map_or(true, |t| t.elapsed() >= Duration::from_secs(300));
        if upload_due && block.checksum_ok {
            match uploader.add_status(&block) {
                Ok(()) => last_upload = Some(Instant::now()),
                Err(e) => log::warn!("PVOutput upload failed: {e:#}"),
            }
        }
    }
}
