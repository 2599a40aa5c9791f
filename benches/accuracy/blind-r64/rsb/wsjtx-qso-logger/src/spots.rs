//! CQ spots heard by this station, stored in the club's Postgres so the
//! propagation map can show who was workable from our QTH.

use anyhow::Result;
use tokio_postgres::{Client, NoTls};

use crate::wire::Decode;

pub async fn connect(url: &str) -> Result<Client> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("spot db connection ended: {e}");
        }
    });
    Ok(client)
}

/// "CQ K1ABC FN42" / "CQ DX K1ABC FN42" / "CQ POTA K1ABC" -> (call, grid)
fn parse_cq(text: &str) -> Option<(&str, Option<&str>)> {
    let mut words = text.split_whitespace();
    if words.next()? != "CQ" {
        return None;
    }
    let mut call = words.next()?;
    if !call.chars().any(|c| c.is_ascii_digit()) {
        call = words.next()?;
    }
    let grid = words
        .next()
        .filter(|g| g.len() == 4 && g.as_bytes()[2].is_ascii_digit() && g != &"RR73");
    Some((call, grid))
}

pub async fn record(db_url: String, station: String, d: Decode) -> Result<()> {
    let Some((call, grid)) = parse_cq(&d.text) else {
        return Ok(());
    };
    let client = connect(&db_url).await?;
    client
        .execute(
            "INSERT INTO spots (station, call, grid, snr, offset_hz, mode, source, heard_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
            &[&station, &call, &grid, &d.snr, &(d.delta_freq as i32), &d.mode, &d.id],
        )
        .await?;
    Ok(())
}
