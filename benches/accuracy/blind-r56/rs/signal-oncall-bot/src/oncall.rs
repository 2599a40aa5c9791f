//! Who is on call right now, according to PagerDuty.

use serde::Deserialize;
use std::time::Duration;

#[derive(Deserialize)]
struct OnCalls {
    oncalls: Vec<OnCall>,
}

#[derive(Deserialize)]
struct OnCall {
    escalation_level: u32,
    user: UserRef,
}

#[derive(Deserialize)]
struct UserRef {
    summary: String,
}

pub async fn who_is_on_call() -> anyhow::Result<String> {
    let policy = std::env::var("PAGERDUTY_POLICY_ID")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let resp: OnCalls = client
        .get("https://api.pagerduty.com/oncalls")
        .header("Authorization", format!("Token token={}", std::env::var("PAGERDUTY_TOKEN")?))
        .header("Accept", "application/vnd.pagerduty+json;version=2")
        .query(&[("escalation_policy_ids[]", policy.as_str()), ("earliest", "true")])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    let mut levels: Vec<_> = resp.oncalls.iter().map(|o| (o.escalation_level, o.user.summary.as_str())).collect();
    levels.sort();
    if levels.is_empty() {
        return Ok("nobody is on call?!".into());
    }
    Ok(levels.iter().map(|(lvl, who)| format!("L{lvl}: {who}")).collect::<Vec<_>>().join("\n"))
}
