//! Minimal Jira Cloud REST v3 client.

use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION};
use serde::Deserialize;

fn base_url() -> String {
    std::env::var("JIRA_URL").unwrap_or_else(|_| "https://acme.atlassian.net".to_string())
}

pub fn client() -> Client {
    let token = std::env::var("JIRA_TOKEN").expect("JIRA_TOKEN must be set");
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(
        AUTHORIZATION,
        HeaderValue::from_str(&format!("Bearer {token}")).expect("token is not a valid header"),
    );
    Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("building HTTP client")
}

#[derive(Deserialize)]
pub struct Status {
    pub name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub display_name: String,
}

#[derive(Deserialize)]
pub struct Comment {
    pub author: User,
    pub body: String,
}

#[derive(Deserialize)]
pub struct Comments {
    pub comments: Vec<Comment>,
}

#[derive(Deserialize)]
pub struct Fields {
    pub summary: String,
    pub status: Status,
    pub assignee: Option<User>,
    pub description: Option<String>,
    pub comment: Option<Comments>,
}

#[derive(Deserialize)]
pub struct Issue {
    pub key: String,
    pub fields: Fields,
}

pub type IssueDetail = Issue;

#[derive(Deserialize)]
struct SearchPage {
    issues: Vec<Issue>,
}

pub fn search(http: &Client, jql: &str) -> reqwest::Result<Vec<Issue>> {
    let page: SearchPage = http
        .get(format!("{}/rest/api/2/search", base_url()))
        .query(&[("jql", jql), ("maxResults", "200"), ("fields", "summary,status")])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(page.issues)
}

pub fn issue(http: &Client, key: &str) -> reqwest::Result<IssueDetail> {
    http.get(format!("{}/rest/api/2/issue/{key}", base_url()))
        .query(&[("fields", "summary,status,assignee,description,comment")])
        .send()?
        .error_for_status()?
        .json()
}
