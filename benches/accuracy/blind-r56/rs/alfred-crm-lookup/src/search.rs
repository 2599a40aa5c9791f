//! Contact search against the CRM read replica.

use native_tls::TlsConnector;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

fn connect() -> anyhow::Result<Client> {
    // Alfred passes workflow configuration as environment variables.
    let dsn = std::env::var("CRM_DSN")?;
    let tls = MakeTlsConnector::new(TlsConnector::new()?);
    Ok(Client::connect(&dsn, tls)?)
}

pub fn run(query: &str) -> anyhow::Result<Vec<alfred::Item<'static>>> {
    let mut client = connect()?;
    let rows = client.query(
        "SELECT id, full_name, company, email FROM contacts \
         WHERE search_vector @@ websearch_to_tsquery('simple', $1) OR email ILIKE $2 \
         ORDER BY last_contacted_at DESC NULLS LAST LIMIT 12",
        &[&query, &format!("{query}%")],
    )?;
    client.close()?;

    // One HTTP client for the whole invocation; avatars are cached on disk.
    let http = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_millis(700))
        .build()?;

    let items = rows
        .iter()
        .map(|row| {
            let id: i64 = row.get("id");
            let name: String = row.get("full_name");
            let company: Option<String> = row.get("company");
            let email: String = row.get("email");
            let mut item = alfred::ItemBuilder::new(name)
                .subtitle(format!("{} · {}", company.unwrap_or_default(), email))
                .arg(id.to_string())
                .uid(format!("contact-{id}"));
            if let Some(icon) = crate::avatars::cached_avatar(&http, &email) {
                item = item.icon_path(icon.to_string_lossy().into_owned());
            }
            item.into_item()
        })
        .collect::<Vec<_>>();

    if items.is_empty() {
        return Ok(vec![alfred::ItemBuilder::new(format!("No contacts match “{query}”")).valid(false).into_item()]);
    }
    Ok(items)
}

/// Enter on a result: bump its recency and return the CRM URL to open.
pub fn touch_and_url(id: i64) -> anyhow::Result<String> {
    let mut client = connect()?;
    client.execute("UPDATE contacts SET last_contacted_at = now() WHERE id = $1", &[&id])?;
    client.close()?;
    let base = std::env::var("CRM_WEB_URL").unwrap_or_else(|_| "https://crm.example.com".into());
    Ok(format!("{base}/contacts/{id}"))
}
