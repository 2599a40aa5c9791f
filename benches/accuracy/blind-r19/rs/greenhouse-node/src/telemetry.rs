use std::sync::{Arc, Mutex};
use std::thread;

use esp_idf_svc::mqtt::client::{EspMqttClient, EspMqttConnection, QoS};
use serde::Serialize;

#[derive(Clone, Copy, Default, Serialize)]
pub struct Reading {
    pub seq: u32,
    pub air_temp_c: f32,
    pub humidity_pct: f32,
    pub soil_moisture_pct: f32,
}

#[derive(Default)]
pub struct Sensors {
    seq: u32,
    last: Reading,
}

impl Sensors {
    /// Stand-in for the ADC / I2C reads on the real board.
    pub fn sample(&mut self) -> Reading {
        self.seq = self.seq.wrapping_add(1);
        self.last = Reading {
            seq: self.seq,
            air_temp_c: 21.5 + (self.seq % 7) as f32 * 0.1,
            humidity_pct: 64.0,
            soil_moisture_pct: 41.0 - (self.seq % 5) as f32,
        };
        self.last
    }

    pub fn last(&self) -> Reading {
        self.last
    }
}

/// Drains MQTT events for the lifetime of the single client.
pub fn spawn_event_pump(mut connection: EspMqttConnection) {
    thread::Builder::new()
        .stack_size(6000)
        .spawn(move || {
            while let Ok(event) = connection.next() {
                log::debug!("mqtt event: {:?}", event.payload());
            }
            log::warn!("mqtt connection closed");
        })
        .expect("spawn mqtt event pump");
}

pub fn publish(mqtt: &Arc<Mutex<EspMqttClient<'static>>>, reading: &Reading) -> anyhow::Result<()> {
    let payload = serde_json::to_vec(reading)?;
    mqtt.lock()
        .unwrap()
        .enqueue("greenhouse/01/telemetry", QoS::AtLeastOnce, false, &payload)?;
    Ok(())
}
