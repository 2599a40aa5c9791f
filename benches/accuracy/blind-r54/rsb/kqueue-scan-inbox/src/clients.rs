//! Client construction lives here so main can build everything up front.
//! These are only called from `main`, before the watch loop starts.

use std::time::Duration;

use anyhow::{Context, Result};
use mongodb::bson::{doc, Document};
use mongodb::sync::{Client as MongoClient, Collection};
use reqwest::blocking::Client as HttpClient;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

pub struct Settings {
    pub inbox: String,
    pub mongo_uri: String,
    pub paperless_url: String,
    pub paperless_token: String,
}

impl Settings {
    pub fn from_env() -> Result<Self> {
        Ok(Settings {
            inbox: std::env::var("SCAN_INBOX")
                .unwrap_or_else(|_| "/Users/Shared/ScannerInbox".to_string()),
            mongo_uri: std::env::var("SCAN_MONGO_URI").context("SCAN_MONGO_URI")?,
            paperless_url: std::env::var("PAPERLESS_URL")
                .unwrap_or_else(|_| "http://paperless.office.lan:8000".to_string()),
            paperless_token: std::env::var("PAPERLESS_TOKEN").context("PAPERLESS_TOKEN")?,
        })
    }
}

pub fn scans_collection(settings: &Settings) -> Result<Collection<Document>> {
    let client = MongoClient::with_uri_str(&settings.mongo_uri)?;
    let db = client.database("office");
    db.run_command(doc! { "ping": 1 }).run()?;
    Ok(db.collection::<Document>("scans"))
}

pub fn paperless(settings: &Settings) -> Result<HttpClient> {
    let mut headers = HeaderMap::new();
    let mut auth = HeaderValue::from_str(&format!("Token {}", settings.paperless_token))?;
    auth.set_sensitive(true);
    headers.insert(AUTHORIZATION, auth);
    let http = HttpClient::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(60))
        .build()?;
    Ok(http)
}
