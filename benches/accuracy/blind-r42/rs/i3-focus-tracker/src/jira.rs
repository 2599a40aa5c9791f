use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
struct Issue {
    fields: Fields,
}

#[derive(Deserialize)]
struct Fields {
    summary: String,
    project: Project,
}

#[derive(Deserialize)]
struct Project {
    key: String,
}

/// Returns (project, summary) for an issue key such as "OPS-1234".
pub fn lookup(key: &str) -> Option<(String, String)> {
    let base = std::env::var("JIRA_URL").ok()?;
    let token = std::env::var("JIRA_TOKEN").ok()?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
        .ok()?;
    let issue: Issue = http
        .get(format!("{base}/rest/api/2/issue/{key}?fields=summary,project"))
        .bearer_auth(token)
        .send()
        .ok()?
        .error_for_status()
        .ok()?
        .json()
        .ok()?;
    Some((issue.fields.project.key, issue.fields.summary))
}
