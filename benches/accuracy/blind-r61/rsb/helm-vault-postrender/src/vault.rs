//! Vault KV v2 reads. One client for the whole run; a render resolves a
//! few dozen placeholders at most.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::Context;

pub struct Vault {
    http: reqwest::blocking::Client,
    addr: String,
    token: String,
    cache: std::cell::RefCell<HashMap<String, serde_json::Value>>,
}

impl Vault {
    pub fn from_env() -> anyhow::Result<Self> {
        let addr = std::env::var("VAULT_ADDR").context("VAULT_ADDR")?;
        let token = std::env::var("VAULT_TOKEN").context("VAULT_TOKEN")?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Vault { http, addr, token, cache: Default::default() })
    }

    /// `reference` is `<mount>/data/<path>#<key>`.
    pub fn read(&self, reference: &str) -> anyhow::Result<String> {
        let (path, key) = reference.split_once('#').context("vault reference needs #key")?;
        if !self.cache.borrow().contains_key(path) {
            let body: serde_json::Value = self
                .http
                .get(format!("{}/v1/{}", self.addr.trim_end_matches('/'), path))
                .header("X-Vault-Token", &self.token)
                .send()?
                .error_for_status()?
                .json()?;
            self.cache.borrow_mut().insert(path.to_string(), body["data"]["data"].clone());
        }
        let cache = self.cache.borrow();
        cache[path][key]
            .as_str()
            .map(str::to_string)
            .with_context(|| format!("key {key} not found at {path}"))
    }
}

pub fn base64(s: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 0x3f) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
