use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub struct BmcConfig {
    pub name: String,
    pub url: String,
    pub user: String,
    pub password_env: String,
    pub ca_cert: Option<String>,
}

/// One HTTPS client per BMC: trust roots and credentials differ per device.
pub struct Bmc {
    pub name: String,
    base: String,
    user: String,
    password: String,
    http: reqwest::Client,
}

#[derive(Debug)]
pub struct SystemInfo {
    pub model: String,
    pub serial: String,
    pub power_state: String,
    pub health: String,
    pub cpus: i64,
    pub memory_gib: f64,
    pub bios_version: String,
}

impl Bmc {
    pub fn build(cfg: &BmcConfig) -> anyhow::Result<Self> {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(5));
        if let Some(path) = &cfg.ca_cert {
            let pem = std::fs::read(path)?;
            builder = builder
                .tls_built_in_root_certs(false)
                .add_root_certificate(reqwest::Certificate::from_pem(&pem)?);
        }
        Ok(Self {
            name: cfg.name.clone(),
            base: cfg.url.trim_end_matches('/').to_string(),
            user: cfg.user.clone(),
            password: std::env::var(&cfg.password_env)?,
            http: builder.build()?,
        })
    }

    async fn get(&self, path: &str) -> anyhow::Result<Value> {
        Ok(self
            .http
            .get(format!("{}{}", self.base, path))
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    pub async fn system(&self) -> anyhow::Result<SystemInfo> {
        let systems = self.get("/redfish/v1/Systems").await?;
        let first = systems["Members"][0]["@odata.id"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("no ComputerSystem member"))?
            .to_string();
        let sys = self.get(&first).await?;
        let s = |v: &Value| v.as_str().unwrap_or("").to_string();
        Ok(SystemInfo {
            model: s(&sys["Model"]),
            serial: s(&sys["SerialNumber"]),
            power_state: s(&sys["PowerState"]),
            health: s(&sys["Status"]["HealthRollup"]),
            cpus: sys["ProcessorSummary"]["Count"].as_i64().unwrap_or(0),
            memory_gib: sys["MemorySummary"]["TotalSystemMemoryGiB"]
                .as_f64()
                .unwrap_or(0.0),
            bios_version: s(&sys["BiosVersion"]),
        })
    }
}
