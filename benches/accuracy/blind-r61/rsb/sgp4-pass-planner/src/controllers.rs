//! Each station controller sits behind its own private CA and only accepts
//! the planner's per-station client certificate, so there is one HTTP
//! client per configured station. The set is fixed by the config file and
//! built once at start-up.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::Context;

use crate::config::Station;
use crate::orbit::Pass;

pub struct ControllerClients {
    by_station: HashMap<String, (reqwest::Client, String)>,
}

impl ControllerClients {
    pub fn from_config(stations: &[Station]) -> anyhow::Result<Self> {
        let mut by_station = HashMap::with_capacity(stations.len());
        for s in stations {
            let identity = reqwest::Identity::from_pem(&std::fs::read(&s.client_identity_pem)?)?;
            let ca = reqwest::Certificate::from_pem(&std::fs::read(&s.controller_ca_pem)?)?;
            let client = reqwest::Client::builder()
                .use_rustls_tls()
                .tls_built_in_root_certs(false)
                .add_root_certificate(ca)
                .identity(identity)
                .timeout(Duration::from_secs(10))
                .build()
                .with_context(|| format!("TLS client for {}", s.id))?;
            by_station.insert(s.id.clone(), (client, s.controller_url.clone()));
        }
        Ok(ControllerClients { by_station })
    }

    pub async fn push_schedule(&self, station_id: &str, passes: &[Pass]) -> anyhow::Result<()> {
        let (client, base) = self.by_station.get(station_id).context("station not configured")?;
        client
            .put(format!("{base}/api/v1/schedule"))
            .json(passes)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
