use std::time::Duration;

use serde::Serialize;

#[derive(Serialize)]
struct SnippetUpload<'a> {
    client_id: i64,
    body: &'a str,
    source: &'static str,
}

/// Uploads shared snippets. The agent (and its keep-alive pool) lives as long
/// as the uploader, which is created once in `main`.
pub struct Uploader {
    agent: ureq::Agent,
    api: String,
    token: String,
}

impl Uploader {
    pub fn new(api: String, token: String) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .build();
        Self { agent, api, token }
    }

    /// Returns the ids that were accepted by the service.
    pub fn upload(&self, batch: &[(i64, String)]) -> Vec<i64> {
        let mut accepted = Vec::with_capacity(batch.len());
        for (id, body) in batch {
            let payload = SnippetUpload { client_id: *id, body, source: "clipboard" };
            let res = self
                .agent
                .post(&format!("{}/v1/snippets", self.api))
                .set("Authorization", &format!("Bearer {}", self.token))
                .send_json(&payload);
            match res {
                Ok(_) => accepted.push(*id),
                Err(ureq::Error::Status(409, _)) => accepted.push(*id),
                Err(e) => {
                    log::warn!("snippet {id} not uploaded: {e}");
                    break;
                }
            }
        }
        accepted
    }
}
