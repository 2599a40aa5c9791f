use std::time::Duration;

use postgres::{Client, NoTls};

pub struct Sample {
    pub gpu_index: i32,
    pub uuid: String,
    pub util_pct: i32,
    pub mem_used_mb: i64,
    pub temp_c: i32,
}

/// Holds one Postgres connection for the life of the process. It is only
/// (re)opened when there is none yet or the previous one has died.
pub struct SampleSink {
    url: String,
    client: Option<Client>,
}

impl SampleSink {
    pub fn new(url: String) -> Self {
        Self { url, client: None }
    }

    fn conn(&mut self) -> Result<&mut Client, postgres::Error> {
        let stale = self.client.as_ref().map_or(true, |c| c.is_closed());
        if stale {
            self.client = Some(Client::connect(&self.url, NoTls)?);
        }
        Ok(self.client.as_mut().expect("client set above"))
    }

    pub fn write(&mut self, node: &str, batch: &[Sample]) -> Result<(), postgres::Error> {
        let client = self.conn()?;
        let mut tx = client.transaction()?;
        let stmt = tx.prepare(
            "INSERT INTO gpu_samples (node, gpu_index, uuid, util_pct, mem_used_mb, temp_c, sampled_at)
             VALUES ($1, $2, $3, $4, $5, $6, now())",
        )?;
        for s in batch {
            tx.execute(&stmt, &[&node, &s.gpu_index, &s.uuid, &s.util_pct, &s.mem_used_mb, &s.temp_c])?;
        }
        tx.commit()
    }
}

pub struct Pager {
    agent: ureq::Agent,
    url: String,
}

impl Pager {
    pub fn new(url: String) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(5))
            .build();
        Self { agent, url }
    }

    pub fn thermal(&self, node: &str, gpu: u32, temp_c: u32) {
        let body = serde_json::json!({
            "summary": format!("{node} GPU{gpu} at {temp_c}C"),
            "severity": "warning",
            "source": "gpu-util-sampler",
        });
        if let Err(e) = self.agent.post(&self.url).send_json(body) {
            log::warn!("pager call failed: {e}");
        }
    }
}
