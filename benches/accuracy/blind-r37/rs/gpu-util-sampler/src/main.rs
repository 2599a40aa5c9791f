//! Per-node GPU sampler for the training cluster: every 10 s it records
//! utilisation/memory/temperature for each GPU and pages on thermal limits.

mod sink;

use std::thread::sleep;
use std::time::{Duration, Instant};

use nvml_wrapper::enum_wrappers::device::TemperatureSensor;
use nvml_wrapper::Nvml;

use crate::sink::{Pager, Sample, SampleSink};

const INTERVAL: Duration = Duration::from_secs(10);
const THERMAL_LIMIT_C: u32 = 87;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let nvml = Nvml::init()?;
    let node = hostname::get()?.to_string_lossy().into_owned();
    let mut sink = SampleSink::new(std::env::var("METRICS_DB")?);
    let pager = Pager::new(std::env::var("PAGER_URL")?);

    loop {
        let started = Instant::now();
        let count = nvml.device_count()?;
        let mut batch = Vec::with_capacity(count as usize);

        for idx in 0..count {
            let dev = nvml.device_by_index(idx)?;
            let util = dev.utilization_rates()?;
            let mem = dev.memory_info()?;
            let temp = dev.temperature(TemperatureSensor::Gpu)?;
            if temp >= THERMAL_LIMIT_C {
                pager.thermal(&node, idx, temp);
            }
            batch.push(Sample {
                gpu_index: idx as i32,
                uuid: dev.uuid()?,
                util_pct: util.gpu as i32,
                mem_used_mb: (mem.used / 1_048_576) as i64,
                temp_c: temp as i32,
            });
        }

        if let Err(e) = sink.write(&node, &batch) {
            log::warn!("dropping {} samples: {e}", batch.len());
        }

        sleep(INTERVAL.saturating_sub(started.elapsed()));
    }
}
