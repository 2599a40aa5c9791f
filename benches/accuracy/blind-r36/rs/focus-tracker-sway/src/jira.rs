use std::time::Duration;

use reqwest::blocking::Client;

pub fn base_url() -> String {
    std::env::var("JIRA_URL").unwrap_or_else(|_| "https://acme.atlassian.net".into())
}

/// Authenticated Jira Cloud client.
pub fn client() -> anyhow::Result<Client> {
    let token = std::env::var("JIRA_TOKEN")?;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse()?,
    );
    Ok(Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .build()?)
}
