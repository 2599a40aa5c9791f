use std::sync::LazyLock;
use std::time::Duration;

use pgrx::prelude::*;
use serde::Deserialize;

mod flags;

::pgrx::pg_module_magic!();

const EMBED_URL: &str = "http://embedder.internal:8080/v1/embeddings";
const GEO_URL: &str = "http://geoip.internal:8081/lookup";

static GEO_HTTP: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .expect("geo http client")
});

#[derive(Deserialize)]
struct EmbeddingResponse {
    embedding: Vec<f32>,
}

#[derive(Deserialize)]
struct GeoResponse {
    country: Option<String>,
}

/// `UPDATE documents SET embedding = semantic_embed(body);` -- evaluated once per row.
#[pg_extern(parallel_safe)]
fn semantic_embed(input: &str) -> Vec<f32> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| error!("cannot build http client: {e}"));
    let resp: EmbeddingResponse = http
        .post(EMBED_URL)
        .json(&serde_json::json!({ "input": input, "model": "minilm-l6" }))
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .unwrap_or_else(|e| error!("embedding request failed: {e}"));
    resp.embedding
}

/// Country code for an IP address, or NULL.
#[pg_extern(parallel_safe)]
fn geo_country(ip: &str) -> Option<String> {
    GEO_HTTP
        .get(GEO_URL)
        .query(&[("ip", ip)])
        .send()
        .ok()?
        .json::<GeoResponse>()
        .ok()?
        .country
}

#[cfg(any(test, feature = "pg_test"))]
#[pg_schema]
mod tests {
    use pgrx::prelude::*;

    #[pg_test]
    fn geo_of_garbage_is_null() {
        assert_eq!(None, crate::geo_country("not-an-ip"));
    }
}

#[cfg(test)]
pub mod pg_test {
    pub fn setup(_options: Vec<&str>) {}
    pub fn postgresql_conf_options() -> Vec<&'static str> {
        vec![]
    }
}
