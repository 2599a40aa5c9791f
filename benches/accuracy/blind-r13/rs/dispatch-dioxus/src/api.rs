use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Job {
    pub id: i64,
    pub address: String,
    pub priority: u8,
}

/// Dispatch backend client. `reqwest::Client` is reference counted, so the
/// clones handed to components all share one connection pool.
#[derive(Clone)]
pub struct DispatchApi {
    base: String,
    http: reqwest::Client,
}

impl DispatchApi {
    pub fn new(base: String, technician: &str) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .user_agent(format!("dispatch-desktop/{technician}"))
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { base, http })
    }

    pub async fn open_jobs(&self) -> anyhow::Result<Vec<Job>> {
        Ok(self.http.get(format!("{}/jobs?status=open", self.base)).send().await?.error_for_status()?.json().await?)
    }

    pub async fn assign(&self, job_id: i64) -> anyhow::Result<()> {
        self.http.post(format!("{}/jobs/{job_id}/assign", self.base)).send().await?.error_for_status()?;
        Ok(())
    }
}
