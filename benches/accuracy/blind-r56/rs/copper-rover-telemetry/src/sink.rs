//! Ships health status to the fleet service.

use crate::tasks::HealthStatus;
use cu29::prelude::*;
use postgres::NoTls;
use std::time::Duration;

pub struct FleetSink {
    http: reqwest::blocking::Client,
    fleet_url: String,
    dsn: String,
    snapshot_every: u64,
    cycle: u64,
}

impl Freezable for FleetSink {}

impl<'cl> CuSinkTask<'cl> for FleetSink {
    type Input = input_msg!('cl, HealthStatus);

    fn new(config: Option<&ComponentConfig>) -> CuResult<Self> {
        let cfg = config.ok_or_else(|| CuError::from("fleet: missing config"))?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .map_err(|e| CuError::new_with_cause("fleet: http client", e))?;
        Ok(Self {
            http,
            fleet_url: cfg.get::<String>("fleet_url").ok_or_else(|| CuError::from("fleet: fleet_url"))?,
            dsn: cfg.get::<String>("dsn").ok_or_else(|| CuError::from("fleet: dsn"))?,
            snapshot_every: cfg.get::<u32>("snapshot_every").unwrap_or(50) as u64,
            cycle: 0,
        })
    }

    fn process(&mut self, _clock: &RobotClock, input: Self::Input) -> CuResult<()> {
        let Some(status) = input.payload() else { return Ok(()) };
        self.cycle += 1;

        if self.cycle % 500 == 0 {
            // Heartbeat; failures are fine, the fleet service marks us stale.
            let _ = self.http.post(format!("{}/v1/heartbeat", self.fleet_url)).json(status).send();
        }

        if self.cycle % self.snapshot_every == 0 {
            let mut db = postgres::Client::connect(&self.dsn, NoTls)
                .map_err(|e| CuError::new_with_cause("fleet: db connect", e))?;
            db.execute(
                "INSERT INTO battery_snapshots (rover, voltage, temp_c, soc_pct, fault) VALUES ($1, $2, $3, $4, $5)",
                &[&hostname(), &status.battery.voltage, &status.battery.temp_c, &status.battery.soc_pct, &status.fault],
            )
            .map_err(|e| CuError::new_with_cause("fleet: snapshot insert", e))?;
        }
        Ok(())
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname").map(|s| s.trim().to_owned()).unwrap_or_default()
}
