//! URIBL lookups through DNS-over-HTTPS (the mail relays have no recursive
//! resolver that is allowed to query the URIBL mirrors).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

static URL_HOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)https?://([a-z0-9.-]+\.[a-z]{2,})").unwrap());

#[derive(Deserialize)]
struct DohAnswer {
    #[serde(rename = "Status")]
    status: u32,
    #[serde(rename = "Answer", default)]
    answer: Vec<serde::de::IgnoredAny>,
}

pub async fn check(doh_url: &str, body: &str, hits: &mut Vec<String>) -> anyhow::Result<f32> {
    let domains: BTreeSet<String> = URL_HOST
        .captures_iter(body)
        .map(|c| c[1].to_ascii_lowercase())
        .take(20)
        .collect();
    if domains.is_empty() {
        return Ok(0.0);
    }
    let http = reqwest::Client::new();
    let mut score = 0.0;
    for d in domains {
        let name = format!("{d}.multi.uribl.com");
        let ans: DohAnswer = http
            .get(doh_url)
            .header("accept", "application/dns-json")
            .query(&[("name", name.as_str()), ("type", "A")])
            .send()
            .await?
            .json()
            .await?;
        if ans.status == 0 && !ans.answer.is_empty() {
            hits.push(format!("URIBL_LISTED({d})"));
            score += 3.0;
        }
    }
    Ok(score)
}
