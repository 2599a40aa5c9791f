use quick_xml::events::Event;
use quick_xml::Reader;
use reqwest::{Client, Method, StatusCode};

pub struct Credentials {
    pub user: String,
    pub password: String,
}

#[derive(Debug, Default)]
pub struct SyncResult {
    pub token: Option<String>,
    pub changed: Vec<String>,
    pub deleted: Vec<String>,
}

pub enum SyncOutcome {
    Changes(SyncResult),
    TokenExpired,
}

fn sync_body(token: Option<&str>) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"#,
        token.unwrap_or("")
    )
}

/// REPORT sync-collection against one calendar collection.
pub async fn sync_collection(
    http: &Client,
    creds: &Credentials,
    url: &str,
    token: Option<&str>,
) -> anyhow::Result<SyncOutcome> {
    let resp = http
        .request(Method::from_bytes(b"REPORT")?, url)
        .basic_auth(&creds.user, Some(&creds.password))
        .header("Depth", "1")
        .header("Content-Type", "application/xml; charset=utf-8")
        .body(sync_body(token))
        .send()
        .await?;
    if resp.status() == StatusCode::FORBIDDEN || resp.status() == StatusCode::CONFLICT {
        let body = resp.text().await?;
        if body.contains("valid-sync-token") {
            return Ok(SyncOutcome::TokenExpired);
        }
        anyhow::bail!("sync-collection refused: {body}");
    }
    let xml = resp.error_for_status()?.text().await?;
    Ok(SyncOutcome::Changes(parse_multistatus(&xml)?))
}

fn parse_multistatus(xml: &str) -> anyhow::Result<SyncResult> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);

    let mut result = SyncResult::default();
    let mut current = Vec::new();
    let mut href: Option<String> = None;
    let mut not_found = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) => current = e.local_name().as_ref().to_vec(),
            Event::Text(t) => {
                let text = t.unescape()?.into_owned();
                match current.as_slice() {
                    b"href" => href = Some(text),
                    b"status" if text.contains(" 404 ") => not_found = true,
                    b"sync-token" => result.token = Some(text),
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"response" => {
                if let Some(h) = href.take() {
                    if h.ends_with(".ics") {
                        if not_found {
                            result.deleted.push(h);
                        } else {
                            result.changed.push(h);
                        }
                    }
                }
                not_found = false;
            }
            Event::End(_) => current.clear(),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(result)
}

pub async fn fetch_event(http: &Client, creds: &Credentials, url: &str) -> anyhow::Result<String> {
    Ok(http
        .get(url)
        .basic_auth(&creds.user, Some(&creds.password))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?)
}

/// Just the fields facilities needs: UID, SUMMARY, DTSTART, DTEND of the first VEVENT.
pub struct Booking {
    pub uid: String,
    pub summary: String,
    pub starts: String,
    pub ends: String,
}

pub fn parse_vevent(ics: &str) -> Option<Booking> {
    let event = ics
        .split("BEGIN:VEVENT")
        .nth(1)?
        .split("END:VEVENT")
        .next()?;
    let prop = |name: &str| {
        event.lines().find_map(|l| {
            let (key, value) = l.trim_end().split_once(':')?;
            (key.split(';').next() == Some(name)).then(|| value.to_string())
        })
    };
    Some(Booking {
        uid: prop("UID")?,
        summary: prop("SUMMARY").unwrap_or_default(),
        starts: prop("DTSTART")?,
        ends: prop("DTEND")?,
    })
}
