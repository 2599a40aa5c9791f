//! Bazel JSON worker protocol (`requires-worker-protocol: json`).
//!
//! Bazel writes one WorkRequest per line on stdin and expects exactly one
//! WorkResponse line per request on stdout, in any order, tagged with the
//! same request id.

use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Input {
    pub path: String,
    #[serde(default)]
    pub digest: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequest {
    #[serde(default)]
    pub arguments: Vec<String>,
    #[serde(default)]
    pub inputs: Vec<Input>,
    #[serde(default)]
    pub request_id: i32,
    #[serde(default)]
    pub cancel: bool,
    #[serde(default)]
    pub verbosity: i32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkResponse {
    pub exit_code: i32,
    pub output: String,
    pub request_id: i32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub was_cancelled: bool,
}

pub fn read_request(stdin: &mut impl BufRead) -> anyhow::Result<Option<WorkRequest>> {
    let mut line = String::new();
    if stdin.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(serde_json::from_str(line.trim_end())?))
}

pub fn write_response(stdout: &mut impl Write, resp: &WorkResponse) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *stdout, resp)?;
    stdout.write_all(b"\n")?;
    stdout.flush()?;
    Ok(())
}

/// Expand `@flagfile` arguments the way Bazel passes them to workers.
pub fn expand_flagfiles(args: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if let Some(path) = arg.strip_prefix('@') {
            let text = std::fs::read_to_string(path)?;
            out.extend(text.lines().filter(|l| !l.is_empty()).map(str::to_owned));
        } else {
            out.push(arg.clone());
        }
    }
    Ok(out)
}
