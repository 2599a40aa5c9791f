/*
[dependencies]
reqwest = { version = "0.12", features = ["json"] }
serde = { version = "1", features = ["derive"] }
*/

use std::sync::OnceLock;
use std::time::Duration;

use arroyo_udf_plugin::udf;
use reqwest::Client;
use serde::Deserialize;

#[derive(Deserialize)]
struct GeoResponse {
    city: Option<String>,
}

fn geo_client() -> &'static Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::builder()
            .timeout(Duration::from_secs(2))
            .pool_max_idle_per_host(64)
            .build()
            .expect("geo client")
    })
}

/// Resolves the visitor's city through the internal GeoIP service.
#[udf(unordered, allowed_in_flight = 2000, timeout = "5s")]
pub async fn geo_city(ip: String) -> Option<String> {
    let base = crate::setting("GEOIP_URL")?;
    let ip = crate::normalise_ip(&ip);
    let res = geo_client()
        .get(format!("{base}/v1/lookup/{ip}"))
        .send()
        .await
        .ok()?;
    if !res.status().is_success() {
        return None;
    }
    res.json::<GeoResponse>().await.ok()?.city
}
