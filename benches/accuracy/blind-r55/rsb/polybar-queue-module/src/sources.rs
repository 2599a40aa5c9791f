//! Gathers one snapshot per refresh: queue lengths from Redis and the latest
//! pipeline status from the CI server.

use std::time::Duration;

use redis::Commands;
use serde::Deserialize;

use crate::Config;

pub struct Snapshot {
    pub depths: Vec<(String, usize)>,
    pub ci_status: String,
}

#[derive(Deserialize)]
struct Pipeline {
    status: String,
}

impl Snapshot {
    pub fn render(&self, verbose: bool) -> String {
        let total: usize = self.depths.iter().map(|(_, n)| n).sum();
        let colour = match self.ci_status.as_str() {
            "success" => "#a6e3a1",
            "running" | "pending" => "#f9e2af",
            _ => "#f38ba8",
        };
        if verbose {
            let parts: Vec<String> = self.depths.iter().map(|(q, n)| format!("{q}:{n}")).collect();
            format!("{} %{{F{colour}}}ci {}%{{F-}}", parts.join(" "), self.ci_status)
        } else {
            format!("{total} %{{F{colour}}}●%{{F-}}")
        }
    }
}

pub fn snapshot(cfg: &Config) -> Result<Snapshot, Box<dyn std::error::Error>> {
    let client = redis::Client::open(cfg.redis_url.as_str())?;
    let mut con = client.get_connection_with_timeout(Duration::from_secs(2))?;
    let mut depths = Vec::with_capacity(cfg.queues.len());
    for q in &cfg.queues {
        let n: usize = con.llen(format!("queue:{q}"))?;
        depths.push((q.clone(), n));
    }

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .build();
    let pipelines: Vec<Pipeline> = agent
        .get(&format!("{}/pipelines?per_page=1&ref=main", cfg.ci_api))
        .set("PRIVATE-TOKEN", &cfg.ci_token)
        .call()?
        .into_json()?;
    let ci_status = pipelines
        .into_iter()
        .next()
        .map(|p| p.status)
        .unwrap_or_else(|| "unknown".into());

    Ok(Snapshot { depths, ci_status })
}
