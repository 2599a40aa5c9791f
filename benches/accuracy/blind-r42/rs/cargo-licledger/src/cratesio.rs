use serde::Deserialize;

#[derive(Deserialize)]
struct VersionResponse {
    version: VersionInfo,
}

#[derive(Deserialize)]
struct VersionInfo {
    license: Option<String>,
}

/// Packages vendored from git often lack the license field; ask crates.io.
pub async fn license_of(http: &reqwest::Client, name: &str, version: &str) -> Option<String> {
    let url = format!("https://crates.io/api/v1/crates/{name}/{version}");
    let resp = http.get(url).send().await.ok()?.error_for_status().ok()?;
    resp.json::<VersionResponse>().await.ok()?.version.license
}
