use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use zbus::interface;
use zbus::zvariant::{OwnedValue, Value};

pub struct Settings {
    pub database_url: String,
    pub crm_base_url: String,
    pub crm_token: String,
}

#[derive(Clone)]
struct Meta {
    name: String,
    description: String,
}

pub struct CrmSearch {
    settings: Settings,
    metas: Mutex<HashMap<String, Meta>>,
}

impl CrmSearch {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            metas: Mutex::new(HashMap::new()),
        }
    }

    async fn lookup(&self, terms: &[String]) -> Vec<String> {
        let needle = terms.join(" ");
        if needle.chars().count() < 2 {
            return Vec::new();
        }

        let pool = match PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_millis(800))
            .connect(&self.settings.database_url)
            .await
        {
            Ok(pool) => pool,
            Err(err) => {
                tracing::warn!(error = %err, "CRM database unreachable");
                return Vec::new();
            }
        };

        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT id, name, city, account_manager FROM customers \
              WHERE search_doc @@ plainto_tsquery('simple', $1) \
              ORDER BY ts_rank(search_doc, plainto_tsquery('simple', $1)) DESC \
              LIMIT 8",
        )
        .bind(&needle)
        .fetch_all(&pool)
        .await
        .unwrap_or_default();

        let mut metas = self.metas.lock().unwrap();
        rows.into_iter()
            .map(|(id, name, city, manager)| {
                let key = format!("customer:{id}");
                metas.insert(
                    key.clone(),
                    Meta {
                        name,
                        description: format!("{city} · AM {manager}"),
                    },
                );
                key
            })
            .collect()
    }
}

#[interface(name = "org.gnome.Shell.SearchProvider2")]
impl CrmSearch {
    /// Called by gnome-shell for the first keystrokes of a new search.
    async fn get_initial_result_set(&self, terms: Vec<String>) -> Vec<String> {
        self.lookup(&terms).await
    }

    /// Called again for every further keystroke while the overview is open.
    async fn get_subsearch_result_set(
        &self,
        _previous_results: Vec<String>,
        terms: Vec<String>,
    ) -> Vec<String> {
        self.lookup(&terms).await
    }

    async fn get_result_metas(&self, identifiers: Vec<String>) -> Vec<HashMap<String, OwnedValue>> {
        let metas = self.metas.lock().unwrap();
        identifiers
            .iter()
            .filter_map(|id| metas.get(id).map(|m| (id, m.clone())))
            .map(|(id, meta)| {
                let mut entry = HashMap::new();
                entry.insert("id".to_string(), Value::from(id.as_str()).try_into().unwrap());
                entry.insert("name".to_string(), Value::from(meta.name).try_into().unwrap());
                entry.insert(
                    "description".to_string(),
                    Value::from(meta.description).try_into().unwrap(),
                );
                entry.insert("gicon".to_string(), Value::from("avatar-default").try_into().unwrap());
                entry
            })
            .collect()
    }

    /// User clicked a result: record it in the CRM "recently viewed" list, open it in the browser.
    async fn activate_result(&self, identifier: String, _terms: Vec<String>, _timestamp: u32) {
        let Some(id) = identifier.strip_prefix("customer:") else { return };
        let url = format!("{}/customers/{id}", self.settings.crm_base_url);

        let crm = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("reqwest client");
        let _ = crm
            .post(format!("{}/api/me/recently-viewed", self.settings.crm_base_url))
            .bearer_auth(&self.settings.crm_token)
            .json(&serde_json::json!({ "customer_id": id }))
            .send()
            .await;

        let _ = tokio::process::Command::new("xdg-open").arg(&url).spawn();
    }

    async fn launch_search(&self, terms: Vec<String>, _timestamp: u32) {
        let q = terms.join("+");
        let _ = tokio::process::Command::new("xdg-open")
            .arg(format!("{}/search?q={q}", self.settings.crm_base_url))
            .spawn();
    }
}
