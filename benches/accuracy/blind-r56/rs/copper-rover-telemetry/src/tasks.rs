//! Source and processing tasks.

use bincode::{Decode, Encode};
use cu29::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

#[derive(Default, Debug, Clone, Encode, Decode, Serialize, Deserialize)]
pub struct BatteryReading {
    pub voltage: f32,
    pub temp_c: f32,
    pub soc_pct: f32,
}

#[derive(Default, Debug, Clone, Encode, Decode, Serialize, Deserialize)]
pub struct HealthStatus {
    pub battery: BatteryReading,
    pub fault: Option<String>,
}

pub struct BatterySource {
    sysfs: String,
}

impl Freezable for BatterySource {}

fn read_f32(path: &str) -> f32 {
    std::fs::read_to_string(path).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(f32::NAN)
}

impl<'cl> CuSrcTask<'cl> for BatterySource {
    type Output = output_msg!('cl, BatteryReading);

    fn new(config: Option<&ComponentConfig>) -> CuResult<Self> {
        let sysfs = config
            .and_then(|c| c.get::<String>("sysfs"))
            .ok_or_else(|| CuError::from("battery: missing sysfs path"))?;
        Ok(Self { sysfs })
    }

    fn process(&mut self, _clock: &RobotClock, output: Self::Output) -> CuResult<()> {
        output.set_payload(BatteryReading {
            voltage: read_f32(&format!("{}/voltage_now", self.sysfs)) / 1_000_000.0,
            temp_c: read_f32(&format!("{}/temp", self.sysfs)) / 10.0,
            soc_pct: read_f32(&format!("{}/capacity", self.sysfs)),
        });
        Ok(())
    }
}

pub struct HealthMonitor {
    min_voltage: f32,
    max_temp_c: f32,
    last_page: Option<Instant>,
}

impl Freezable for HealthMonitor {}

impl<'cl> CuTask<'cl> for HealthMonitor {
    type Input = input_msg!('cl, BatteryReading);
    type Output = output_msg!('cl, HealthStatus);

    fn new(config: Option<&ComponentConfig>) -> CuResult<Self> {
        let cfg = config.ok_or_else(|| CuError::from("health: missing config"))?;
        Ok(Self {
            min_voltage: cfg.get::<f64>("min_voltage").unwrap_or(22.0) as f32,
            max_temp_c: cfg.get::<f64>("max_temp_c").unwrap_or(60.0) as f32,
            last_page: None,
        })
    }

    fn process(&mut self, clock: &RobotClock, input: Self::Input, output: Self::Output) -> CuResult<()> {
        let Some(b) = input.payload() else { return Ok(()) };
        let fault = if b.voltage < self.min_voltage {
            Some(format!("battery voltage {:.2} V below {:.2} V", b.voltage, self.min_voltage))
        } else if b.temp_c > self.max_temp_c {
            Some(format!("battery temperature {:.1} C", b.temp_c))
        } else {
            None
        };

        if let Some(reason) = &fault {
            let due = self.last_page.map_or(true, |t| t.elapsed() > Duration::from_secs(10));
            if due {
                self.last_page = Some(Instant::now());
                if let Err(e) = crate::alerts::page_operator(reason, clock.now().as_nanos()) {
                    error!("paging failed: {}", e.to_string());
                }
            }
        }

        output.set_payload(HealthStatus { battery: b.clone(), fault });
        Ok(())
    }
}
