//! Door controllers. Every site has its own controller CA and client
//! certificate, so clients are cached per site and reused for every unlock.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use reqwest::blocking::Client;

static CONTROLLERS: LazyLock<Mutex<HashMap<String, Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn build_controller_client(site: &str) -> anyhow::Result<Client> {
    let dir = format!("/etc/doors/{site}");
    let identity = reqwest::Identity::from_pem(&std::fs::read(format!("{dir}/client.pem"))?)?;
    let ca = reqwest::Certificate::from_pem(&std::fs::read(format!("{dir}/ca.pem"))?)?;
    Ok(Client::builder()
        .identity(identity)
        .add_root_certificate(ca)
        .timeout(Duration::from_secs(3))
        .build()?)
}

fn controller_client(site: &str) -> anyhow::Result<Client> {
    let mut cache = CONTROLLERS.lock().unwrap();
    if let Some(client) = cache.get(site) {
        return Ok(client.clone());
    }
    let client = build_controller_client(site)?;
    cache.insert(site.to_string(), client.clone());
    Ok(client)
}

pub fn unlock(site: &str, door: &str) -> anyhow::Result<()> {
    let client = controller_client(site)?;
    let url = format!("https://doors.{site}.internal/api/relay/{door}/pulse");
    client
        .post(url)
        .json(&serde_json::json!({ "ms": 4000 }))
        .send()?
        .error_for_status()?;
    Ok(())
}
