use std::net::Ipv4Addr;
use std::time::Duration;

use serde::Serialize;

#[derive(Serialize)]
struct LeaseEvent<'a> {
    mac: &'a str,
    ip: String,
    source: &'static str,
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("build ipam client")
}

pub async fn push_lease(http: &reqwest::Client, mac: &str, ip: Ipv4Addr) -> anyhow::Result<()> {
    let base = std::env::var("IPAM_URL").unwrap_or_else(|_| "http://ipam.lab.local".into());
    http.post(format!("{base}/api/dhcp/leases"))
        .json(&LeaseEvent { mac, ip: ip.to_string(), source: "dhcp-lease-broker" })
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
