use std::time::Duration;

use serde::Deserialize;

use crate::HostConfig;

#[derive(Deserialize)]
struct BanStatus {
    banned: bool,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    expires_at: Option<String>,
}

/// Asks the community site whether a Steam account is on the ban list.
/// Called from the GameLobbyJoinRequested callback.
pub fn is_banned(cfg: &HostConfig, steam_id: u64) -> anyhow::Result<bool> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;

    let status: BanStatus = http
        .get(format!("{}/{steam_id}", cfg.bans_api))
        .header("X-Region", &cfg.region)
        .send()?
        .error_for_status()?
        .json()?;

    if status.banned {
        log::info!(
            "{steam_id} banned: {} (until {})",
            status.reason.as_deref().unwrap_or("no reason given"),
            status.expires_at.as_deref().unwrap_or("forever"),
        );
    }

    Ok(status.banned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal_status() {
        let s: BanStatus = serde_json::from_str(r#"{"banned": false}"#).unwrap();
        assert!(!s.banned);
        assert!(s.reason.is_none());
    }
}
