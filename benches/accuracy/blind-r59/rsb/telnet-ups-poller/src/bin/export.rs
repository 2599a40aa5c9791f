//! Monthly one-off: exports last month's UPS readings as CSV for facilities.
//! Run by cron on the first of the month; exits when done.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, Local, NaiveDate};
use postgres::{Client, NoTls};

fn month_bounds() -> (NaiveDate, NaiveDate) {
    let today = Local::now().date_naive();
    let first_this = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap();
    let last_prev = first_this.pred_opt().unwrap();
    let first_prev = NaiveDate::from_ymd_opt(last_prev.year(), last_prev.month(), 1).unwrap();
    (first_prev, first_this)
}

fn main() -> Result<()> {
    let (from, to) = month_bounds();
    let mut client = Client::connect(&upswatch::database_url()?, NoTls)?;

    let rows = client.query(
        "SELECT site, ups, taken_at::date AS day,
                max(load_pct) AS peak_load, min(runtime_min) AS min_runtime,
                bool_or(on_battery) AS had_outage
           FROM ups_readings
          WHERE taken_at >= $1 AND taken_at < $2
          GROUP BY 1, 2, 3
          ORDER BY 1, 2, 3",
        &[&from, &to],
    )?;

    let path = format!("ups-{}.csv", from.format("%Y-%m"));
    let mut out = std::fs::File::create(&path)?;
    writeln!(out, "site,ups,day,peak_load_pct,min_runtime_min,had_outage")?;
    for r in &rows {
        let day: NaiveDate = r.get("day");
        let peak: f32 = r.get("peak_load");
        let min_rt: f32 = r.get("min_runtime");
        let outage: bool = r.get("had_outage");
        writeln!(out, "{},{},{day},{peak:.1},{min_rt:.1},{outage}", r.get::<_, String>("site"), r.get::<_, String>("ups"))?;
    }

    client.close()?;
    eprintln!("wrote {} rows to {path}", rows.len());
    Ok(())
}
