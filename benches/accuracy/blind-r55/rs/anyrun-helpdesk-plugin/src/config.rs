use std::fs;
use std::path::Path;

use serde::Deserialize;

/// Read from `<anyrun config dir>/helpdesk.ron`.
#[derive(Deserialize, Debug, Clone)]
pub struct Config {
    /// Only queries starting with this prefix are handled, e.g. `t ` .
    #[serde(default = "default_prefix")]
    pub prefix: String,
    /// Base URL of the helpdesk, e.g. https://support.example.com
    pub base_url: String,
    /// Personal API token.
    pub token: String,
    /// Team database holding pinned tickets.
    pub database_url: String,
    #[serde(default = "default_max_entries")]
    pub max_entries: usize,
}

fn default_prefix() -> String {
    "t ".to_string()
}

fn default_max_entries() -> usize {
    8
}

impl Config {
    pub fn load(config_dir: &str) -> Option<Config> {
        let path = Path::new(config_dir).join("helpdesk.ron");
        let content = fs::read_to_string(&path).ok()?;
        match ron::from_str::<Config>(&content) {
            Ok(cfg) => Some(cfg),
            Err(e) => {
                eprintln!("[helpdesk] failed to parse {}: {e}", path.display());
                None
            }
        }
    }
}
