use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::http;

#[derive(Serialize, Deserialize)]
struct Quote {
    symbol: String,
    price: f64,
    change_pct: f64,
}

/// Constructed once by the host page (see www/widget.js) and kept for the
/// lifetime of the widget; every `quote()` call reuses the shared client.
#[wasm_bindgen]
pub struct QuoteApi {
    http: reqwest::Client,
    api_key: String,
}

#[wasm_bindgen]
impl QuoteApi {
    #[wasm_bindgen(constructor)]
    pub fn new(api_key: String) -> QuoteApi {
        QuoteApi { http: http::client(), api_key }
    }

    /// Called by the page on every refresh tick (every few seconds).
    pub fn quote(&self, symbol: String) -> js_sys::Promise {
        let client = self.http.clone();
        let key = self.api_key.clone();
        future_to_promise(async move {
            let q: Quote = client
                .get(format!("{}/quote/{symbol}", http::API_BASE))
                .header("x-api-key", key)
                .send()
                .await
                .map_err(|e| JsValue::from_str(&e.to_string()))?
                .json()
                .await
                .map_err(|e| JsValue::from_str(&e.to_string()))?;
            Ok(serde_wasm_bindgen::to_value(&q)?)
        })
    }
}
