use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct RemoteTicket {
    pub id: i64,
    pub subject: String,
    pub requester: String,
    pub status: String,
}

/// Pulls tickets updated since the last sync from the upstream helpdesk.
pub async fn pull_tickets(base: &str, token: &str) -> Result<Vec<RemoteTicket>, reqwest::Error> {
    let http = reqwest::Client::new();
    http.get(format!("{base}/tickets?updated_since=-1h"))
        .bearer_auth(token)
        .send()
        .await?
        .error_for_status()?
        .json::<Vec<RemoteTicket>>()
        .await
}
