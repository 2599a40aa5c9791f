use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};

/// One HTTP client per carrier (each has its own API key and base URL),
/// kept for the lifetime of the function instance.
static CLIENTS: LazyLock<Mutex<HashMap<String, reqwest::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub const KNOWN: &[&str] = &["dhl", "ups", "postnl"];

fn build(carrier: &str) -> reqwest::Client {
    let key_var = format!("{}_API_KEY", carrier.to_uppercase());
    let key = std::env::var(&key_var).unwrap_or_default();
    let mut headers = HeaderMap::new();
    headers.insert("x-api-key", HeaderValue::from_str(&key).expect("api key is ascii"));
    reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(8))
        .build()
        .expect("carrier http client")
}

pub fn client_for(carrier: &str) -> reqwest::Client {
    let mut clients = CLIENTS.lock().unwrap();
    clients
        .entry(carrier.to_owned())
        .or_insert_with(|| build(carrier))
        .clone()
}

pub fn base_url(carrier: &str) -> String {
    std::env::var(format!("{}_BASE_URL", carrier.to_uppercase()))
        .unwrap_or_else(|_| format!("https://api.{carrier}.example"))
}
