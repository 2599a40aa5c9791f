mod db;
mod watcher;

use std::env;
use std::time::Duration;

use rusb::{Context, HotplugBuilder, Registration, UsbContext};

const RIG_VENDOR_ID: u16 = 0x1d50;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if !rusb::has_hotplug() {
        eprintln!("this libusb build has no hotplug support; cannot watch the bench");
        std::process::exit(2);
    }

    // presence flags for the bench dashboard; one connection for the life of the daemon
    let redis_url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".to_string());
    let presence = redis::Client::open(redis_url)?.get_connection()?;

    let api_base = env::var("CALIBRATION_API")
        .unwrap_or_else(|_| "http://calibration.lab.internal/api/v1".to_string());
    let bench = env::var("BENCH_ID").unwrap_or_else(|_| "bench-01".to_string());

    let context = Context::new()?;
    let watcher = watcher::RigWatcher::new(presence, api_base, bench);

    let _registration: Registration<Context> = HotplugBuilder::new()
        .vendor_id(RIG_VENDOR_ID)
        .enumerate(true)
        .register(&context, Box::new(watcher))?;

    println!("watching USB bus for rigs (vendor {:04x})", RIG_VENDOR_ID);
    loop {
        // libusb invokes the Hotplug callbacks from inside handle_events
        if let Err(err) = context.handle_events(Some(Duration::from_secs(1))) {
            eprintln!("libusb event error: {}", err);
        }
    }
}
