mod alarms;
mod store;

use core::time::Duration;

use iceoryx2::prelude::*;

/// Published by the PLC gateway process on the same host, one sample per
/// spindle every 50 ms.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct SpindleSample {
    pub machine_id: u32,
    pub online: u8,
    pub rpm: f32,
    pub temp_c: f32,
    pub vibration_mm_s: f32,
    pub timestamp_ms: u64,
}

const CYCLE_TIME: Duration = Duration::from_millis(100);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();

    let db_url = std::env::var("DATABASE_URL")?;
    let telemetry = store::TelemetryStore::connect(&db_url)?;
    let mut alarms = alarms::AlarmBook::connect(&db_url, std::env::var("ONCALL_WEBHOOK")?)?;

    let node = NodeBuilder::new().create::<ipc::Service>()?;
    let service = node
        .service_builder(&"Line3/Spindle/Telemetry".try_into()?)
        .publish_subscribe::<SpindleSample>()
        .open_or_create()?;
    let subscriber = service.subscriber_builder().create()?;

    let mut batch: Vec<SpindleSample> = Vec::with_capacity(512);
    while let NodeEvent::Tick = node.wait(CYCLE_TIME) {
        while let Some(sample) = subscriber.receive()? {
            let reading = *sample;
            alarms.evaluate(&reading);
            batch.push(reading);
        }
        if batch.is_empty() {
            continue;
        }
        if let Err(err) = telemetry.insert_batch(&batch) {
            log::error!("dropping {} samples: {err}", batch.len());
        }
        batch.clear();
    }

    log::info!("node asked to terminate");
    Ok(())
}
