/// Tell the captive-portal controller to (de)authorise a station.
pub async fn notify(controller: &str, action: &str, mac: &str) -> anyhow::Result<()> {
    let http = reqwest::Client::new();
    http.post(format!("{controller}/api/stations/{action}"))
        .json(&serde_json::json!({ "mac": mac }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
