//! Functions loaded into the Wolfram kernel with LibraryFunctionLoad. The
//! blotter notebook calls them from Dynamic[...] panels, so each one runs
//! every time a panel refreshes.

use std::sync::OnceLock;
use std::time::Duration;

use serde::Deserialize;
use wolfram_library_link::{self as wll, export};

mod fills;

wll::generate_loader!(load_blotter_functions);

static FX_HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn fx_http() -> &'static reqwest::blocking::Client {
    FX_HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("fx http client")
    })
}

#[derive(Deserialize)]
struct Quote {
    mid: f64,
}

#[export]
fn fills_json(account: String) -> String {
    match fills::recent(&account) {
        Ok(rows) => serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_string()),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

#[export]
fn risk_snapshot(account: String) -> String {
    let base = std::env::var("RISK_API").unwrap_or_else(|_| "http://risk.internal:8080".to_string());
    let client = reqwest::blocking::Client::new();
    match client
        .get(format!("{base}/v1/accounts/{account}/snapshot"))
        .timeout(Duration::from_secs(3))
        .send()
        .and_then(|r| r.text())
    {
        Ok(body) => body,
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

#[export]
fn fx_mid(pair: String) -> f64 {
    fx_http()
        .get(format!("http://fx.internal/v1/quotes/{pair}"))
        .send()
        .and_then(|r| r.json::<Quote>())
        .map(|q| q.mid)
        .unwrap_or(f64::NAN)
}
