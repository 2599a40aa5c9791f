use std::time::Duration;

/// Scores go through the arcade API (it de-duplicates and checks the
/// cabinet signature) rather than straight into the database.
pub fn post_score(initials: &str, score: u32) -> Result<(), ureq::Error> {
    let base = std::env::var("ARCADE_API").unwrap_or_else(|_| "http://10.0.0.5:8080".into());
    let cabinet = std::env::var("CABINET_ID").unwrap_or_else(|_| "cab-01".into());

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .build();
    agent
        .post(&format!("{base}/v1/scores"))
        .send_json(ureq::json!({
            "cabinet": cabinet,
            "initials": initials,
            "score": score,
        }))?;
    Ok(())
}
