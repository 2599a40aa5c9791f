//! Baseline snapshots published by the schema registry service.

use anyhow::Context;
use std::time::Duration;

fn registry_url() -> String {
    std::env::var("SCHEMA_REGISTRY_URL").unwrap_or_else(|_| "https://schema-registry.internal".into())
}

pub fn fetch_baseline(name: &str) -> anyhow::Result<String> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("bazel-migration-worker/0.3")
        .build()?;
    let resp = http
        .get(format!("{}/v1/baselines/{name}", registry_url()))
        .bearer_auth(std::env::var("SCHEMA_REGISTRY_TOKEN").unwrap_or_default())
        .send()
        .context("schema registry unreachable")?
        .error_for_status()?;
    Ok(resp.text()?)
}

/// Baseline names are `<package>:<target>` labels with the leading `//` stripped.
pub fn baseline_name(label: &str) -> Option<String> {
    let label = label.strip_prefix("//").unwrap_or(label);
    let (package, target) = label.split_once(':')?;
    if package.is_empty() || target.is_empty() || target.contains('/') {
        return None;
    }
    Some(format!("{}__{}", package.replace('/', "_"), target))
}

#[cfg(test)]
mod tests {
    use super::baseline_name;

    #[test]
    fn names() {
        assert_eq!(baseline_name("//db/orders:schema").as_deref(), Some("db_orders__schema"));
        assert_eq!(baseline_name("nope"), None);
    }
}
