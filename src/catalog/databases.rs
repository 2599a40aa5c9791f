//! The databases catalogue (`rules/catalog/databases.toml`): database families, their poolers
//! and connection limits.

use super::*;

/// `rules/catalog/databases.toml`: database servers, URL schemes and parameters, and the options
/// every language's clients share.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Databases {
    pub other_url_schemes: Vec<String>,
    pub url_pool_keys: Vec<String>,
    pub tuning_options: Vec<String>,
    pub shared_benign_options: Vec<String>,
    pub url_default_family: String,
    pub database: Vec<DatabaseDef>,
    pub pooler: Vec<PoolerDef>,
}

/// A connection pooler recognised from a URL (`databases.toml`'s `[[pooler]]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolerDef {
    pub name: String,
    pub mode: PoolerMode,
    #[serde(default)]
    pub schemes: Vec<String>,
    #[serde(default)]
    pub host_suffix: Option<String>,
    #[serde(default)]
    pub host_contains: Option<String>,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub or_no_port: bool,
    #[serde(default)]
    pub param: Option<PoolerParam>,
    /// Why a pool behind it is limited, for messages (session mode).
    #[serde(default)]
    pub why: Option<String>,
    /// What to do instead, for the help (session mode).
    #[serde(default)]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PoolerMode {
    Session,
    Transaction,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolerParam {
    pub name: String,
    pub value: String,
}

/// A database server family (`family` in client entries).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseDef {
    pub family: String,
    /// URL schemes, lower case, without a driver suffix.
    #[serde(default)]
    pub schemes: Vec<String>,
    /// The per-pool limit when `[budget.family]` does not set one (MongoDB's driver default).
    #[serde(default)]
    pub pool_limit: Option<PoolLimit>,
    /// Long-lived pools count toward the project's total against `max_connections`.
    #[serde(default = "yes")]
    pub server_total: bool,
    /// Judged only when `[budget.family]` names the family (Redis).
    #[serde(default)]
    pub only_when_budgeted: bool,
    /// The server's own default connection limit (MySQL's 151), used by `connlint budget` when
    /// `[budget] max_connections` is not set.
    #[serde(default)]
    pub server_default: Option<PoolLimit>,
}

pub(super) fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolLimit {
    pub max: u64,
    pub why: String,
}

impl Databases {
    pub fn parse(text: &str) -> Result<Databases, toml::de::Error> {
        toml::from_str(text)
    }

    pub fn family(&self, family: &str) -> Option<&DatabaseDef> {
        self.database.iter().find(|d| d.family == family)
    }

    /// The family of a URL scheme (`mongodb` for `mongodb`), else `url_default_family`.
    pub fn family_of_scheme(&self, scheme: &str) -> &str {
        self.database
            .iter()
            .find(|d| d.schemes.iter().any(|s| s == scheme))
            .map(|d| d.family.as_str())
            .unwrap_or(self.url_default_family.as_str())
    }

    /// Every scheme that makes a string a connection URL.
    pub fn url_schemes(&self) -> Vec<String> {
        self.database
            .iter()
            .flat_map(|d| d.schemes.iter())
            .chain(&self.other_url_schemes)
            .cloned()
            .collect()
    }
}
