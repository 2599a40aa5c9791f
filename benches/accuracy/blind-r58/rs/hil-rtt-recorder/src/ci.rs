//! Failure reports to the CI status service.

use std::time::Duration;

use anyhow::Result;
use reqwest::blocking::Client;
use serde::Serialize;

use crate::protocol::CaseResult;

pub struct CiReporter {
    http: Client,
    url: String,
    token: String,
}

#[derive(Serialize)]
struct FailureReport<'a> {
    board: &'a str,
    suite: &'a str,
    case: &'a str,
    duration_ms: u32,
    detail: Option<&'a str>,
}

impl CiReporter {
    pub fn from_env() -> Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            http,
            url: std::env::var("CI_STATUS_URL")?,
            token: std::env::var("CI_STATUS_TOKEN")?,
        })
    }

    pub fn report_failure(&self, board: &str, case: &CaseResult) -> Result<()> {
        let report = FailureReport {
            board,
            suite: &case.suite,
            case: &case.name,
            duration_ms: case.duration_ms,
            detail: case.detail.as_deref(),
        };
        self.http
            .post(&self.url)
            .bearer_auth(&self.token)
            .json(&report)
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
