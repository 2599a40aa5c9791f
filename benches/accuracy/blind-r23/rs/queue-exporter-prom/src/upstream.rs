use std::time::{Duration, Instant};

use prometheus::core::{Collector, Desc};
use prometheus::proto::MetricFamily;
use prometheus::{GaugeVec, IntGaugeVec, Opts};

/// Probes the health endpoints of the services that consume the queues.
pub struct UpstreamCollector {
    targets: Vec<String>,
    up: IntGaugeVec,
    latency: GaugeVec,
}

impl UpstreamCollector {
    pub fn new(targets: Vec<String>) -> prometheus::Result<Self> {
        Ok(Self {
            targets,
            up: IntGaugeVec::new(Opts::new("upstream_up", "Health check result"), &["target"])?,
            latency: GaugeVec::new(
                Opts::new("upstream_probe_seconds", "Health check latency"),
                &["target"],
            )?,
        })
    }

    fn probe(&self, target: &str) -> (bool, f64) {
        let http = match reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
        {
            Ok(http) => http,
            Err(e) => {
                log::warn!("cannot build probe client: {e}");
                return (false, 0.0);
            }
        };

        let started = Instant::now();
        let ok = http
            .get(target)
            .send()
            .map(|resp| resp.status().is_success())
            .unwrap_or(false);
        (ok, started.elapsed().as_secs_f64())
    }
}

impl Collector for UpstreamCollector {
    fn desc(&self) -> Vec<&Desc> {
        let mut descs = self.up.desc();
        descs.extend(self.latency.desc());
        descs
    }

    fn collect(&self) -> Vec<MetricFamily> {
        for target in &self.targets {
            let (ok, secs) = self.probe(target);
            self.up.with_label_values(&[target]).set(ok as i64);
            self.latency.with_label_values(&[target]).set(secs);
        }
        let mut families = self.up.collect();
        families.extend(self.latency.collect());
        families
    }
}
