use std::sync::OnceLock;
use std::time::Duration;

use crate::game::Duel;

fn http() -> &'static reqwest::blocking::Client {
    static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client")
    })
}

/// Reports the final score to the tournament bracket service (once per match).
pub fn report(match_id: &str, duel: &Duel) -> anyhow::Result<()> {
    let base = std::env::var("BRACKET_API").unwrap_or_else(|_| "http://bracket.internal".into());
    http()
        .post(format!("{base}/matches/{match_id}/result"))
        .json(&serde_json::json!({
            "winner_slot": duel.winner(),
            "rounds": duel.rounds,
            "frames": duel.frame,
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
