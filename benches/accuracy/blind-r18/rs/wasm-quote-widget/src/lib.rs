mod api;
mod http;

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use api::QuoteApi;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Serialize)]
struct Headline {
    title: String,
    url: String,
}

/// Called by the page every time the user opens the news tab.
#[wasm_bindgen(js_name = fetchNews)]
pub async fn fetch_news(symbol: String) -> Result<JsValue, JsValue> {
    let client = http::client();
    let items: Vec<serde_json::Value> = client
        .get(format!("{}/news", http::API_BASE))
        .query(&[("symbol", symbol.as_str())])
        .send()
        .await
        .map_err(to_js)?
        .json()
        .await
        .map_err(to_js)?;
    let headlines: Vec<Headline> = items
        .into_iter()
        .take(5)
        .map(|v| Headline {
            title: v["title"].as_str().unwrap_or_default().to_string(),
            url: v["url"].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    Ok(serde_wasm_bindgen::to_value(&headlines)?)
}

/// Health probe for the status dot; plain browser fetch, nothing pooled.
#[wasm_bindgen(js_name = pingApi)]
pub async fn ping_api() -> bool {
    match gloo_net::http::Request::get(&format!("{}/health", http::API_BASE)).send().await {
        Ok(resp) => resp.ok(),
        Err(_) => false,
    }
}

fn to_js(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}
