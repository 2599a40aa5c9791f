use std::time::Duration;

/// Fetches the <title> of the target page so the dashboard can show it.
pub fn fetch_title(target: &str) -> Option<String> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .redirects(3)
        .user_agent("shortlinks-preview/0.1")
        .build();

    let html = agent.get(target).call().ok()?.into_string().ok()?;
    let start = html.find("<title>")? + "<title>".len();
    let end = html[start..].find("</title>")? + start;
    Some(html[start..end].trim().to_owned())
}
