mod lastvalue;
mod sink;

use std::time::{Duration, Instant};

use cadence::prelude::*;
use cadence::StatsdClient;
use serde::Deserialize;

const INTERVAL: Duration = Duration::from_secs(15);

#[derive(Debug, Deserialize)]
struct Target {
    name: String,
    url: String,
    #[serde(default = "default_expect")]
    expect_status: u16,
}

fn default_expect() -> u16 {
    200
}

fn main() -> anyhow::Result<()> {
    let path = std::env::var("PROBE_TARGETS").unwrap_or_else(|_| "/etc/uptime-prober/targets.json".into());
    let targets: Vec<Target> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;

    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(3))
        .timeout(Duration::from_secs(10))
        .redirects(0)
        .build();

    let metrics = StatsdClient::builder("uptime", sink::QuestDbSink::from_env())
        .with_error_handler(|err| eprintln!("metric dropped: {err}"))
        .build();

    loop {
        let cycle = Instant::now();
        for t in &targets {
            let started = Instant::now();
            let outcome = agent.get(&t.url).call();
            let elapsed_ms = started.elapsed().as_millis() as u64;

            let status = match &outcome {
                Ok(resp) => resp.status(),
                Err(ureq::Error::Status(code, _)) => *code,
                Err(_) => 0,
            };
            let up = status == t.expect_status;

            metrics.time_with_tags("probe.latency", elapsed_ms).with_tag("target", &t.name).send();
            metrics.gauge_with_tags("probe.up", up as u64).with_tag("target", &t.name).send();
            if !up {
                metrics
                    .incr_with_tags("probe.failure")
                    .with_tag("target", &t.name)
                    .with_tag("status", &status.to_string())
                    .send();
            }
        }
        if let Some(rest) = INTERVAL.checked_sub(cycle.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
