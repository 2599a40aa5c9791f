use std::env;

use scylla::{Session, SessionBuilder};

use crate::MatchResult;

/// Opens a session against the leaderboard keyspace.
pub async fn connect() -> anyhow::Result<Session> {
    let nodes = env::var("SCYLLA_NODES").unwrap_or_else(|_| "127.0.0.1:9042".to_owned());
    let session = SessionBuilder::new()
        .known_nodes(nodes.split(','))
        .use_keyspace("leaderboard", false)
        .build()
        .await?;
    Ok(session)
}

pub async fn record_result(session: &Session, result: &MatchResult) -> anyhow::Result<()> {
    session
        .query(
            "UPDATE player_scores SET wins = wins + ?, losses = losses + ? WHERE season = ? AND player_id = ?",
            (
                scylla::frame::value::Counter(i64::from(result.won)),
                scylla::frame::value::Counter(i64::from(!result.won)),
                &result.season,
                &result.player_id,
            ),
        )
        .await?;
    session
        .query(
            "INSERT INTO match_history (player_id, match_id, won, rating_delta) VALUES (?, ?, ?, ?)",
            (&result.player_id, &result.match_id, result.won, result.rating_delta),
        )
        .await?;
    Ok(())
}
