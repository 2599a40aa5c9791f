mod catalog;
mod journal;
mod scanner;

use anyhow::{Context, Result};
use evdev::{Device, InputEventKind};

fn main() -> Result<()> {
    let dev_path = std::env::var("SCANNER_DEVICE")
        .unwrap_or_else(|_| "/dev/input/by-id/usb-Honeywell_Scanner-event-kbd".into());
    let mut device = Device::open(&dev_path).with_context(|| format!("open {dev_path}"))?;
    // exclusive: scanned digits must not leak into the desktop session
    device.grab()?;

    let catalog = catalog::Catalog::new(
        std::env::var("WAREHOUSE_API").unwrap_or_else(|_| "https://wms.example.com/api".into()),
    );
    let journal = journal::Journal::open(
        &std::env::var("JOURNAL_DB").unwrap_or_else(|_| "/var/lib/kiosk/scans.sqlite3".into()),
    )?;

    let mut decoder = scanner::Decoder::default();
    let mut warehouse = std::env::var("DEFAULT_WAREHOUSE").unwrap_or_else(|_| "ams-1".into());

    loop {
        for ev in device.fetch_events()? {
            let InputEventKind::Key(key) = ev.kind() else { continue };
            let Some(code) = decoder.feed(key, ev.value()) else { continue };

            if let Some(wh) = code.strip_prefix("WH:") {
                warehouse = wh.to_string();
                println!("switched to warehouse {warehouse}");
                continue;
            }
            match catalog.lookup(&warehouse, &code) {
                Ok(item) => {
                    println!("{code}: {} — {:.2} {}", item.name, item.unit_price, item.currency);
                    journal.record(&warehouse, &code, Some(&item))?;
                }
                Err(e) => {
                    eprintln!("{code}: lookup failed: {e:#}");
                    journal.record(&warehouse, &code, None)?;
                }
            }
        }
    }
}
