pub struct LogonEvent {
    pub event_id: i32,
    pub at: chrono::DateTime<chrono::Utc>,
    pub computer: String,
    pub user: String,
    pub domain: String,
    pub logon_type: Option<i32>,
    pub source_ip: Option<String>,
}

pub fn parse(xml: &str) -> Option<LogonEvent> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let find = |name: &str| doc.descendants().find(|n| n.has_tag_name(name));
    let data = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("Data") && n.attribute("Name") == Some(name))
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    Some(LogonEvent {
        event_id: find("EventID")?.text()?.parse().ok()?,
        at: find("TimeCreated")?.attribute("SystemTime")?.parse().ok()?,
        computer: find("Computer")?.text()?.to_string(),
        user: data("TargetUserName").unwrap_or_default(),
        domain: data("TargetDomainName").unwrap_or_default(),
        logon_type: data("LogonType").and_then(|t| t.parse().ok()),
        source_ip: data("IpAddress").filter(|ip| ip != "-"),
    })
}
