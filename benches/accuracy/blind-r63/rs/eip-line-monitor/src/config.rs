use anyhow::Result;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Tags {
    pub part_count: String,
    pub fault_code: String,
    pub running: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LineConfig {
    pub line_id: String,
    pub plc_host: String,
    pub poll_ms: u64,
    pub andon_webhook: String,
    pub tags: Tags,
}

pub fn load(path: &str) -> Result<LineConfig> {
    Ok(toml::from_str(&std::fs::read_to_string(path)?)?)
}
