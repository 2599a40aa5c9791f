mod recorder;
mod rollup;

use std::time::{Duration, Instant};

use metrics::{counter, histogram};
use serde::Deserialize;

#[derive(Deserialize)]
struct Config {
    redis_url: String,
    pops: Vec<Pop>,
}

#[derive(Deserialize, Clone)]
struct Pop {
    name: String,
    health_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let cfg: Config = toml::from_str(&std::fs::read_to_string("prober.toml")?)?;

    metrics::set_global_recorder(recorder::RedisRecorder::new(&cfg.redis_url))
        .map_err(|e| anyhow::anyhow!("recorder already installed: {e}"))?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let mut tick = tokio::time::interval(Duration::from_secs(15));
    let mut rounds: u64 = 0;
    loop {
        tick.tick().await;
        for pop in &cfg.pops {
            let started = Instant::now();
            let ok = matches!(
                http.get(&pop.health_url).send().await,
                Ok(resp) if resp.status().is_success()
            );
            histogram!("probe_latency_seconds", "pop" => pop.name.clone())
                .record(started.elapsed().as_secs_f64());
            if !ok {
                counter!("probe_failures_total", "pop" => pop.name.clone()).increment(1);
            }
        }
        rounds += 1;
        if rounds % 4 == 0 {
            if let Err(e) = rollup::flush_minute(&cfg.pops.iter().map(|p| p.name.clone()).collect::<Vec<_>>()).await {
                tracing::warn!(error = %e, "rollup flush failed");
            }
        }
    }
}
