use std::collections::HashMap;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct PrinterStatus {
    pub media_low: bool,
    pub ribbon_low: bool,
    pub head_open: bool,
    pub labels_printed: i64,
}

/// Every printer serves its status page with its own self-signed certificate,
/// so each printer gets a client pinned to that certificate. Clients are
/// cached by serial and reused for every later announcement.
pub struct ProbeClients {
    cert_dir: PathBuf,
    clients: HashMap<String, reqwest::blocking::Client>,
}

impl ProbeClients {
    pub fn new(cert_dir: String) -> Self {
        Self { cert_dir: cert_dir.into(), clients: HashMap::new() }
    }

    fn client_for(&mut self, serial: &str) -> anyhow::Result<&reqwest::blocking::Client> {
        if !self.clients.contains_key(serial) {
            let pem = std::fs::read(self.cert_dir.join(format!("{serial}.pem")))
                .with_context(|| format!("no pinned certificate for {serial}"))?;
            let client = reqwest::blocking::Client::builder()
                .tls_built_in_root_certs(false)
                .add_root_certificate(reqwest::Certificate::from_pem(&pem)?)
                .danger_accept_invalid_hostnames(true)
                .timeout(Duration::from_secs(3))
                .build()?;
            self.clients.insert(serial.to_string(), client);
        }
        Ok(&self.clients[serial])
    }

    pub fn status(&mut self, serial: &str, addr: IpAddr, port: u16) -> anyhow::Result<PrinterStatus> {
        let url = format!("https://{addr}:{port}/status.json");
        let client = self.client_for(serial)?;
        Ok(client.get(url).send()?.error_for_status()?.json()?)
    }

    pub fn forget(&mut self, fullname: &str) {
        self.clients.retain(|serial, _| !fullname.starts_with(serial.as_str()));
    }
}
