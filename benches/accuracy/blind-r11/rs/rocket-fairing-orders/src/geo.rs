use std::time::Duration;

use rocket::request::{FromRequest, Outcome, Request};
use serde::Deserialize;

/// Best-effort country of the caller, used for tax and fraud hints.
pub struct GeoHint {
    pub country: Option<String>,
}

#[derive(Deserialize)]
struct GeoResponse {
    country: String,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for GeoHint {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(ip) = req.client_ip() else {
            return Outcome::Success(GeoHint { country: None });
        };
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("reqwest client");
        let country = match client.get(format!("http://geoip.internal/v1/lookup/{ip}")).send().await {
            Ok(resp) => resp.json::<GeoResponse>().await.ok().map(|g| g.country),
            Err(_) => None,
        };
        Outcome::Success(GeoHint { country })
    }
}
