use std::net::SocketAddr;

use rsip::prelude::*;
use tokio_postgres::NoTls;

/// REGISTER: store / refresh / remove a binding in the location table.
pub async fn handle_register(req: &rsip::Request, peer: SocketAddr) -> anyhow::Result<rsip::Response> {
    let aor = req.to_header()?.typed()?.uri.to_string();
    let contact = req.contact_header()?.value().to_string();
    let expires: f64 = req
        .expires_header()
        .and_then(|h| h.value().parse().ok())
        .unwrap_or(3600.0);

    let location_url = std::env::var("LOCATION_DATABASE_URL")?;
    let (client, connection) = tokio_postgres::connect(&location_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("location db connection error: {e}");
        }
    });

    if expires == 0.0 {
        client
            .execute("DELETE FROM location WHERE aor = $1 AND contact = $2", &[&aor, &contact])
            .await?;
    } else {
        client
            .execute(
                "INSERT INTO location (aor, contact, received, expires_at)
                 VALUES ($1, $2, $3, now() + make_interval(secs => $4))
                 ON CONFLICT (aor, contact)
                 DO UPDATE SET received = EXCLUDED.received, expires_at = EXCLUDED.expires_at",
                &[&aor, &contact, &peer.to_string(), &expires],
            )
            .await?;
    }

    Ok(reply(req, 200))
}

/// Builds a response that mirrors the dialog-identifying headers of `req`.
pub fn reply(req: &rsip::Request, code: u16) -> rsip::Response {
    let mut headers = rsip::Headers::default();
    for header in req.headers.iter() {
        match header {
            rsip::Header::Via(_)
            | rsip::Header::From(_)
            | rsip::Header::To(_)
            | rsip::Header::CallId(_)
            | rsip::Header::CSeq(_) => headers.push(header.clone()),
            _ => {}
        }
    }
    headers.push(rsip::Header::ContentLength(Default::default()));

    rsip::Response {
        status_code: code.into(),
        version: rsip::Version::V2,
        headers,
        body: Default::default(),
    }
}
