//! Client for the internal signing service; private keys never leave it.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::Client;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct SignBody<'a> {
    key_id: &'a str,
    data: String,
    flags: u32,
}

#[derive(Deserialize)]
struct SignReply {
    algorithm: String,
    signature: String,
}

pub fn client(signer_url: &str) -> Client {
    log::debug!("building signer client for {}", signer_url);
    Client::builder()
        .timeout(Duration::from_secs(10))
        .https_only(true)
        .build()
        .expect("signer http client")
}

/// Returns (algorithm name, raw signature bytes).
pub async fn sign(
    http: &Client,
    signer_url: &str,
    key_id: &str,
    data: &[u8],
    flags: u32,
) -> anyhow::Result<(String, Vec<u8>)> {
    let body = SignBody {
        key_id,
        data: STANDARD.encode(data),
        flags,
    };
    let reply: SignReply = http
        .post(format!("{}/v1/ssh/sign", signer_url))
        .json(&body)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok((reply.algorithm, STANDARD.decode(reply.signature)?))
}
