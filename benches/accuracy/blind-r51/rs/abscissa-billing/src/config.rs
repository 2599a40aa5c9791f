use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BillingConfig {
    pub database: DatabaseSection,
    pub daemon: DaemonSection,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSection {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DaemonSection {
    pub sweep_seconds: u64,
}

impl Default for BillingConfig {
    fn default() -> Self {
        BillingConfig { database: DatabaseSection::default(), daemon: DaemonSection::default() }
    }
}

impl Default for DatabaseSection {
    fn default() -> Self {
        DatabaseSection { url: "postgres://billing@localhost/billing".into(), max_connections: 5 }
    }
}

impl Default for DaemonSection {
    fn default() -> Self {
        DaemonSection { sweep_seconds: 300 }
    }
}
