//! Mirror new assignments into NetBox IPAM as DHCP-status IP addresses.

use std::net::IpAddr;
use std::time::Duration;

fn prefix_len(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(_) => 24,
        IpAddr::V6(_) => 64,
    }
}

pub fn record_assignment(ip: IpAddr, mac: &str, hostname: Option<&str>) -> anyhow::Result<()> {
    let base = std::env::var("NETBOX_URL")?;
    let token = std::env::var("NETBOX_TOKEN")?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;

    let address = format!("{ip}/{}", prefix_len(ip));
    let existing: serde_json::Value = http
        .get(format!("{base}/api/ipam/ip-addresses/"))
        .query(&[("address", address.as_str())])
        .header("Authorization", format!("Token {token}"))
        .send()?
        .error_for_status()?
        .json()?;
    if existing["count"].as_u64().unwrap_or(0) > 0 {
        return Ok(());
    }

    http.post(format!("{base}/api/ipam/ip-addresses/"))
        .header("Authorization", format!("Token {token}"))
        .json(&serde_json::json!({
            "address": address,
            "status": "dhcp",
            "dns_name": hostname.unwrap_or_default(),
            "description": format!("dnsmasq lease {mac}"),
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
