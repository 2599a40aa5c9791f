//! Installed as ~/.mail/.notmuch/hooks/post-new. `notmuch new` runs it once
//! after every import (from the mbsync timer, every five minutes); each run is
//! a new process that tags whatever is still `tag:new` and exits.

use std::path::Path;
use std::time::Duration;

use notmuch::{Database, DatabaseMode};

mod crm;

struct Tagged {
    subject: String,
    from: String,
    account: String,
}

fn sender_address(from: &str) -> String {
    match (from.rfind('<'), from.rfind('>')) {
        (Some(a), Some(b)) if a < b => from[a + 1..b].to_ascii_lowercase(),
        _ => from.trim().to_ascii_lowercase(),
    }
}

fn main() -> anyhow::Result<()> {
    let db = Database::open_with_config(
        None::<&Path>,
        DatabaseMode::ReadWrite,
        None::<&Path>,
        None,
    )?;

    let mut crm = crm::Crm::connect_with_retry(&std::env::var("CRM_DSN")?)?;
    let webhook = std::env::var("DIGEST_WEBHOOK").ok();
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;

    let query = db.create_query("tag:new")?;
    let mut tagged: Vec<Tagged> = Vec::new();

    for message in query.search_messages()? {
        let from = message.header("from")?.map(|c| c.to_string()).unwrap_or_default();
        let subject = message.header("subject")?.map(|c| c.to_string()).unwrap_or_default();
        let address = sender_address(&from);

        message.add_tag("inbox")?;
        message.remove_tag("new")?;

        if let Some(contact) = crm.lookup(&address)? {
            message.add_tag("crm")?;
            message.add_tag(&format!("account/{}", contact.account_slug))?;
            if contact.is_escalation {
                message.add_tag("flagged")?;
            }
            crm.log_touch(contact.id, &message.id(), &subject)?;
            tagged.push(Tagged { subject, from, account: contact.account_name });
        }
    }

    crm.close()?;

    if let (Some(url), false) = (webhook, tagged.is_empty()) {
        let lines: Vec<String> = tagged
            .iter()
            .map(|t| format!("• [{}] {} — {}", t.account, t.subject, t.from))
            .collect();
        http.post(url)
            .json(&serde_json::json!({
                "text": format!("{} new customer mails:\n{}", tagged.len(), lines.join("\n"))
            }))
            .send()?
            .error_for_status()?;
    }

    Ok(())
}
