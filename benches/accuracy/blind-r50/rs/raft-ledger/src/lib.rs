//! Replicated wallet ledger: postings journaled to Postgres, mirrored to Elasticsearch.
pub mod state_machine;

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;

use crate::state_machine::LedgerStateMachine;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum LedgerCommand {
    Credit { account: String, amount_cents: i64, reference: String },
    Debit { account: String, amount_cents: i64, reference: String },
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LedgerResponse {
    pub balance_cents: Option<i64>,
    pub rejected: bool,
}

openraft::declare_raft_types!(
    pub TypeConfig:
        D = LedgerCommand,
        R = LedgerResponse,
);

pub struct NodeSettings {
    pub database_url: String,
    pub search_url: String,
}

/// Called once by the node binary before `Raft::new`.
pub async fn build_state_machine(settings: &NodeSettings) -> anyhow::Result<LedgerStateMachine> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect(&settings.database_url)
        .await?;
    LedgerStateMachine::new(pool, settings.search_url.clone()).await
}
