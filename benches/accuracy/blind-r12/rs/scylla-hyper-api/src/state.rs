use std::time::Duration;

use scylla::prepared_statement::PreparedStatement;
use scylla::{Session, SessionBuilder};

pub struct AppState {
    pub session: Session,
    pub get_profile: PreparedStatement,
    pub put_event: PreparedStatement,
    pub http: reqwest::Client,
    pub erasure_hook: String,
}

impl AppState {
    /// Builds every long-lived client the API needs. Called once from `main`.
    pub async fn init() -> anyhow::Result<Self> {
        let nodes: Vec<String> = std::env::var("SCYLLA_NODES")
            .unwrap_or_else(|_| "127.0.0.1:9042".into())
            .split(',')
            .map(str::to_owned)
            .collect();

        // The cluster can still be bootstrapping when the pod starts.
        let mut attempt = 0u32;
        let session = loop {
            match SessionBuilder::new()
                .known_nodes(&nodes)
                .use_keyspace("profiles", false)
                .build()
                .await
            {
                Ok(session) => break session,
                Err(e) if attempt < 8 => {
                    attempt += 1;
                    tracing::warn!(attempt, "scylla not ready yet: {e}");
                    tokio::time::sleep(Duration::from_secs(2u64 << attempt.min(4))).await;
                }
                Err(e) => return Err(e.into()),
            }
        };

        let get_profile = session
            .prepare("SELECT display_name, country, score FROM user_profile WHERE user_id = ?")
            .await?;
        let put_event = session
            .prepare("INSERT INTO profile_events (user_id, at_ms, kind) VALUES (?, ?, ?)")
            .await?;

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;

        Ok(Self {
            session,
            get_profile,
            put_event,
            http,
            erasure_hook: std::env::var("ERASURE_HOOK_URL")
                .unwrap_or_else(|_| "http://privacy.internal/erasure".into()),
        })
    }
}
