//! Full-text search over the runbooks table in the SRE knowledge base.

use std::time::Duration;

use pop_launcher::{IconSource, PluginSearchResult};
use sqlx::postgres::PgPoolOptions;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Runbook {
    pub slug: String,
    pub title: String,
    pub service: String,
    pub url: String,
    pub open_incident: Option<String>,
}

impl Runbook {
    pub fn as_result(&self, id: u32) -> PluginSearchResult {
        let description = match &self.open_incident {
            Some(inc) => format!("{} · open incident {inc}", self.service),
            None => self.service.clone(),
        };
        PluginSearchResult {
            id,
            name: self.title.clone(),
            description,
            icon: Some(IconSource::Name("text-x-generic".into())),
            ..Default::default()
        }
    }
}

fn database_url() -> String {
    std::env::var("RUNBOOKS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://launcher:launcher@kb.internal/knowledge".into())
}

pub async fn search(terms: &str) -> Result<Vec<Runbook>, sqlx::Error> {
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(Duration::from_secs(2))
        .connect(&database_url())
        .await?;

    let rows = sqlx::query_as::<_, Runbook>(
        "SELECT r.slug, r.title, r.service, r.url, i.key AS open_incident \
         FROM runbooks r \
         LEFT JOIN incidents i ON i.service = r.service AND i.resolved_at IS NULL \
         WHERE r.search @@ websearch_to_tsquery('english', $1) \
         ORDER BY ts_rank(r.search, websearch_to_tsquery('english', $1)) DESC \
         LIMIT 8",
    )
    .bind(terms)
    .fetch_all(&pool)
    .await?;

    Ok(rows)
}
