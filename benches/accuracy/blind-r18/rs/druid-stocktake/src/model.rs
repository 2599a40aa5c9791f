use std::sync::Arc;

use druid::{Data, Lens};
use serde::{Deserialize, Serialize};

#[derive(Clone, Data, Lens, Debug, Serialize, Deserialize)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub expected: i64,
    pub counted: i64,
}

#[derive(Clone, Data, Lens)]
pub struct AppState {
    pub status: String,
    pub items: Arc<Vec<Item>>,
}
