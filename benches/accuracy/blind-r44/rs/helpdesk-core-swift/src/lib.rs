//! Shared core of the Helpdesk macOS / iOS app. The SwiftUI app creates one
//! `HelpdeskCore` in its `@main` App struct (`HelpdeskCore(config_json)`) and
//! calls the methods below from view models whenever the user opens a
//! workspace, pulls to refresh or replies to a ticket.

mod workspace;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use workspace::{WorkspaceClient, WorkspaceConfig};

#[swift_bridge::bridge]
mod ffi {
    extern "Rust" {
        type HelpdeskCore;

        #[swift_bridge(init)]
        fn new(config_json: String) -> HelpdeskCore;

        fn list_open_tickets(&self, workspace: String) -> String;
        fn reply(&self, workspace: String, ticket_id: String, body: String) -> bool;
        fn register_push_token(&self, token: String) -> bool;
    }
}

pub struct HelpdeskCore {
    /// Client for our own account service (push tokens, licensing).
    account_http: reqwest::blocking::Client,
    account_base: String,
    configs: HashMap<String, WorkspaceConfig>,
    /// One client per workspace: every workspace is a separate self-hosted
    /// helpdesk instance with its own base URL and API token.
    workspaces: Mutex<HashMap<String, WorkspaceClient>>,
}

impl HelpdeskCore {
    fn new(config_json: String) -> Self {
        #[derive(serde::Deserialize)]
        struct AppConfig {
            account_base: String,
            workspaces: Vec<WorkspaceConfig>,
        }
        let cfg: AppConfig = serde_json::from_str(&config_json).unwrap_or(AppConfig {
            account_base: "https://accounts.helpdesk.example".into(),
            workspaces: Vec::new(),
        });

        let account_http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("helpdesk-app/0.8")
            .build()
            .expect("TLS backend available");

        HelpdeskCore {
            account_http,
            account_base: cfg.account_base,
            configs: cfg.workspaces.into_iter().map(|w| (w.slug.clone(), w)).collect(),
            workspaces: Mutex::new(HashMap::new()),
        }
    }

    fn with_workspace<T>(&self, slug: &str, f: impl FnOnce(&WorkspaceClient) -> T) -> Option<T> {
        let config = self.configs.get(slug)?;
        let client = {
            let mut cache = self.workspaces.lock().ok()?;
            if !cache.contains_key(slug) {
                let client = WorkspaceClient::connect(config).ok()?;
                cache.insert(slug.to_string(), client);
            }
            cache.get(slug)?.clone()
        };
        Some(f(&client))
    }

    fn list_open_tickets(&self, workspace: String) -> String {
        self.with_workspace(&workspace, |ws| ws.open_tickets())
            .and_then(|r| r.ok())
            .map(|tickets| serde_json::to_string(&tickets).unwrap_or_else(|_| "[]".into()))
            .unwrap_or_else(|| "[]".into())
    }

    fn reply(&self, workspace: String, ticket_id: String, body: String) -> bool {
        self.with_workspace(&workspace, |ws| ws.reply(&ticket_id, &body).is_ok())
            .unwrap_or(false)
    }

    fn register_push_token(&self, token: String) -> bool {
        self.account_http
            .post(format!("{}/v1/devices", self.account_base))
            .json(&serde_json::json!({ "apns_token": token, "platform": "apple" }))
            .send()
            .map(|r| r.status().is_success())
            .unwrap_or(false)
    }
}
