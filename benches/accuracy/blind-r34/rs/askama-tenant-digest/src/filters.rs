//! Custom askama filters, invoked for every row of every rendered digest.

use chrono::{DateTime, Utc};

pub fn money(cents: &i64, currency: &str) -> askama::Result<String> {
    let symbol = match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        other => other,
    };
    Ok(format!("{symbol}{}.{:02}", cents / 100, (cents % 100).abs()))
}

pub fn short_time(ts: &DateTime<Utc>) -> askama::Result<String> {
    Ok(ts.format("%H:%M").to_string())
}
