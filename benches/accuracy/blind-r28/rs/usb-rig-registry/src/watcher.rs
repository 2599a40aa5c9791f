use std::time::Duration;

use redis::Commands;
use rusb::{Device, Hotplug, UsbContext};
use serde::Serialize;

use crate::db;

pub struct RigWatcher {
    presence: redis::Connection,
    api_base: String,
    bench: String,
}

#[derive(Serialize)]
struct DetachReport<'a> {
    serial: &'a str,
    bench: &'a str,
    bus: u8,
    address: u8,
}

impl RigWatcher {
    pub fn new(presence: redis::Connection, api_base: String, bench: String) -> Self {
        Self { presence, api_base, bench }
    }

    fn serial_of<T: UsbContext>(device: &Device<T>) -> Option<String> {
        let descriptor = device.device_descriptor().ok()?;
        let handle = device.open().ok()?;
        handle.read_serial_number_string_ascii(&descriptor).ok()
    }
}

impl<T: UsbContext> Hotplug<T> for RigWatcher {
    fn device_arrived(&mut self, device: Device<T>) {
        let Some(serial) = Self::serial_of(&device) else {
            eprintln!("rig on bus {} has no readable serial", device.bus_number());
            return;
        };
        let key = format!("bench:{}:rig:{}", self.bench, serial);
        let _: redis::RedisResult<()> = self.presence.set_ex(&key, device.address(), 8 * 3600);
        let index_key = format!("bench:{}:addr:{}", self.bench, device.address());
        let _: redis::RedisResult<()> = self.presence.set_ex(&index_key, &serial, 8 * 3600);

        let mut client = match db::connect() {
            Ok(client) => client,
            Err(err) => {
                eprintln!("registry unavailable, rig {} not recorded: {}", serial, err);
                return;
            }
        };
        match db::find_rig(&mut client, &serial) {
            Ok(Some(rig)) => {
                if rig.calibration_due {
                    println!("rig {} ({}) is due for calibration", serial, rig.model);
                }
                if let Err(err) = db::record_attach(
                    &mut client,
                    rig.id,
                    &self.bench,
                    device.bus_number() as i16,
                    device.address() as i16,
                ) {
                    eprintln!("could not record attach for {}: {}", serial, err);
                }
            }
            Ok(None) => eprintln!("unknown rig serial {} plugged into {}", serial, self.bench),
            Err(err) => eprintln!("registry lookup failed for {}: {}", serial, err),
        }
    }

    fn device_left(&mut self, device: Device<T>) {
        // the device is gone, so the serial comes from the presence index instead
        let index_key = format!("bench:{}:addr:{}", self.bench, device.address());
        let serial: Option<String> = self.presence.get(&index_key).unwrap_or(None);
        let Some(serial) = serial else { return };
        let _: redis::RedisResult<()> = self.presence.del(&index_key);

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("reqwest client");
        let report = DetachReport {
            serial: &serial,
            bench: &self.bench,
            bus: device.bus_number(),
            address: device.address(),
        };
        let url = format!("{}/rigs/{}/detach", self.api_base, serial);
        if let Err(err) = http.post(url).json(&report).send() {
            eprintln!("detach report for {} failed: {}", serial, err);
        }
    }
}
