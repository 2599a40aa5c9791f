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
    pub session_state: Vec<SessionStateDef>,
}

/// Session state a raw SQL statement opens on its connection and another ends (`BEGIN` …
/// `COMMIT`, `DECLARE … WITH HOLD` … `CLOSE`): on a pooled connection, a path that skips the
/// end returns the connection to the pool with the state still open (`databases.toml`'s
/// `[[session_state]]`).
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SessionStateDef {
    /// For messages: `transaction`, `cursor held across transactions`.
    pub what: String,
    /// Statements that open it, by their first words (case-insensitive): `BEGIN`, `START
    /// TRANSACTION`; empty: any statement containing one of `open_contains`.
    pub open: Vec<String>,
    /// Text the opening statement must also contain (any of them, case-insensitive): `WITH HOLD`.
    pub open_contains: Vec<String>,
    /// Statements that end it, by their first words: `COMMIT`, `ROLLBACK`, `CLOSE`.
    pub close: Vec<String>,
    /// ... or by text they contain: `pg_advisory_unlock`.
    pub close_contains: Vec<String>,
}

impl SessionStateDef {
    /// Does `stmt` (one statement, trimmed) open this state?
    pub fn opens(&self, stmt: &str) -> bool {
        (self.open.is_empty() || self.open.iter().any(|w| starts_with_words(stmt, w)))
            && (self.open_contains.is_empty()
                || self.open_contains.iter().any(|c| contains_ci(stmt, c)))
            && !(self.open.is_empty() && self.open_contains.is_empty())
    }

    /// Does `stmt` end it?
    pub fn closes(&self, stmt: &str) -> bool {
        self.close.iter().any(|w| starts_with_words(stmt, w))
            || self.close_contains.iter().any(|c| contains_ci(stmt, c))
    }
}

/// Does `text` (upper case) hold the word(s) `words` (`CLOSE`, not `UNCLOSED`)?
pub fn has_word(text: &str, words: &str) -> bool {
    let w = words.to_ascii_uppercase();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(w.as_str())
        .any(|(i, _)| !text[..i].ends_with(ident) && !text[i + w.len()..].starts_with(ident))
}

/// `BEGIN ISOLATION LEVEL …` starts with the words `BEGIN`; `BEGINNING` does not.
fn starts_with_words(stmt: &str, words: &str) -> bool {
    stmt.len() >= words.len()
        && stmt.is_char_boundary(words.len())
        && stmt[..words.len()].eq_ignore_ascii_case(words)
        && !stmt[words.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

fn contains_ci(stmt: &str, needle: &str) -> bool {
    stmt.to_ascii_lowercase()
        .contains(&needle.to_ascii_lowercase())
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
