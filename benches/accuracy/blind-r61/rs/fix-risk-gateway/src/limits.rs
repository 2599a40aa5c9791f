use std::time::Duration;

use postgres::{Client, NoTls};

fn dsn() -> String {
    std::env::var("RISK_DB_URL")
        .unwrap_or_else(|_| "host=risk-db user=gateway dbname=limits".to_string())
}

/// Opens a connection to the limits database.
pub fn connect() -> Result<Client, postgres::Error> {
    Client::connect(&dsn(), NoTls)
}

pub fn notional_limit(db: &mut Client, account: &str, symbol: &str) -> Result<f64, postgres::Error> {
    let row = db.query_opt(
        "SELECT max_notional::float8 FROM account_limits \
         WHERE account = $1 AND symbol IN ($2, '*') \
         ORDER BY symbol = '*' LIMIT 1",
        &[&account, &symbol],
    )?;
    Ok(row.map(|r| r.get::<_, f64>(0)).unwrap_or(0.0))
}

/// Posts a breach to the desk's alert channel. Best effort: the order is
/// rejected whether or not the webhook answers.
pub fn notify_breach(account: &str, symbol: &str, notional: f64, limit: f64) {
    let Ok(hook) = std::env::var("RISK_WEBHOOK_URL") else {
        return;
    };
    let client = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            log::warn!("webhook client: {e}");
            return;
        }
    };
    let body = serde_json::json!({
        "text": format!("Risk reject: {account} {symbol} notional {notional:.0} over limit {limit:.0}"),
    });
    if let Err(e) = client.post(hook).json(&body).send() {
        log::warn!("breach webhook failed: {e}");
    }
}
