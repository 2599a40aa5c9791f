//! Jobs are plain `fn()` items, as skedge expects; each run borrows the shared
//! pool and HTTP client from `services()`.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::services::services;

#[derive(Deserialize)]
struct FxResponse {
    date: String,
    rates: HashMap<String, Decimal>,
}

pub fn sync_fx_rates() {
    let s = services();
    let resp: FxResponse = match s.http.get(&s.fx_url).send().and_then(|r| r.error_for_status()) {
        Ok(r) => match r.json() {
            Ok(body) => body,
            Err(e) => return eprintln!("fx: bad body: {e}"),
        },
        Err(e) => return eprintln!("fx: request failed: {e}"),
    };

    let mut conn = match s.db.get() {
        Ok(c) => c,
        Err(e) => return eprintln!("fx: no db connection: {e}"),
    };
    for (currency, rate) in &resp.rates {
        if let Err(e) = conn.execute(
            "INSERT INTO fx_rates (day, currency, rate) VALUES (to_date($1, 'YYYY-MM-DD'), $2, $3) \
             ON CONFLICT (day, currency) DO UPDATE SET rate = excluded.rate",
            &[&resp.date, currency, rate],
        ) {
            eprintln!("fx: {currency}: {e}");
        }
    }
}

pub fn reconcile_payouts() {
    let s = services();
    let result = (|| -> Result<u64, Box<dyn std::error::Error>> {
        let mut conn = s.db.get()?;
        let mut tx = conn.transaction()?;
        let matched = tx.execute(
            "UPDATE payouts p SET status = 'settled', settled_at = b.booked_at \
             FROM bank_lines b \
             WHERE p.status = 'sent' AND b.reference = p.reference AND b.amount = p.amount",
            &[],
        )?;
        tx.execute(
            "INSERT INTO job_runs (job, rows, finished_at) VALUES ('reconcile_payouts', $1, now())",
            &[&(matched as i64)],
        )?;
        tx.commit()?;
        Ok(matched)
    })();
    match result {
        Ok(n) => println!("payouts: {n} settled"),
        Err(e) => eprintln!("payouts: {e}"),
    }
}

pub fn refresh_reporting_views() {
    let s = services();
    let mut conn = match s.db.get() {
        Ok(c) => c,
        Err(e) => return eprintln!("views: no db connection: {e}"),
    };
    for view in ["mv_daily_revenue", "mv_open_invoices", "mv_payout_aging"] {
        let sql = format!("REFRESH MATERIALIZED VIEW CONCURRENTLY {view}");
        if let Err(e) = conn.batch_execute(&sql) {
            eprintln!("views: {view}: {e}");
        }
    }
}
