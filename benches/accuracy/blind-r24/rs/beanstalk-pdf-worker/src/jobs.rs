use std::io::Read;
use std::time::Duration;

use serde::Deserialize;

use crate::db::{self, PgPool};

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Envelope {
    RenderInvoice { invoice_id: i64 },
    MonthlyReport { account_id: i64, month: String },
}

type JobResult = Result<(), Box<dyn std::error::Error>>;

fn renderer_url() -> String {
    std::env::var("RENDERER_URL").unwrap_or_else(|_| "http://gotenberg:3000".into())
}

pub fn render_invoice(pool: &PgPool, invoice_id: i64) -> JobResult {
    // Keep the render_jobs row fresh so the reaper does not re-enqueue us
    // while the renderer is busy with a large invoice.
    let mut hb_conn = pool.get()?;
    std::thread::spawn(move || loop {
        if let Err(e) = hb_conn.execute(
            "UPDATE render_jobs SET heartbeat_at = now() WHERE invoice_id = $1",
            &[&invoice_id],
        ) {
            log::warn!("heartbeat for invoice {invoice_id} failed: {e}");
        }
        std::thread::sleep(Duration::from_secs(15));
    });

    let mut conn = pool.get()?;
    let row = conn.query_one(
        "SELECT number, customer_name, total_cents, lines::text FROM invoices WHERE id = $1",
        &[&invoice_id],
    )?;
    let number: String = row.get(0);
    let html = format!(
        "<html><body><h1>Invoice {number}</h1><p>{}</p><pre>{}</pre><p>Total: {:.2}</p></body></html>",
        row.get::<_, String>(1),
        row.get::<_, String>(3),
        row.get::<_, i64>(2) as f64 / 100.0
    );

    let agent = ureq::AgentBuilder::new()
        .timeout_read(Duration::from_secs(120))
        .timeout_write(Duration::from_secs(30))
        .build();
    let resp = agent
        .post(&format!("{}/forms/chromium/convert/html", renderer_url()))
        .set("Gotenberg-Output-Filename", &number)
        .send_bytes(html.as_bytes())?;
    let mut pdf = Vec::new();
    resp.into_reader().read_to_end(&mut pdf)?;

    conn.execute(
        "UPDATE invoices SET pdf = $1, rendered_at = now() WHERE id = $2",
        &[&pdf, &invoice_id],
    )?;
    Ok(())
}

pub fn monthly_report(pool: &PgPool, account_id: i64, month: &str) -> JobResult {
    let reporting = db::make_reporting_pool()?;
    let mut replica = reporting.get()?;
    let rows = replica.query(
        "SELECT date_trunc('day', issued_at)::date::text, sum(total_cents)::bigint \
         FROM invoices WHERE account_id = $1 AND to_char(issued_at, 'YYYY-MM') = $2 \
         GROUP BY 1 ORDER BY 1",
        &[&account_id, &month],
    )?;
    let mut csv = String::from("day,total_cents\n");
    for r in &rows {
        csv.push_str(&format!("{},{}\n", r.get::<_, String>(0), r.get::<_, i64>(1)));
    }
    pool.get()?.execute(
        "INSERT INTO monthly_reports (account_id, month, csv) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id, month) DO UPDATE SET csv = EXCLUDED.csv",
        &[&account_id, &month, &csv],
    )?;
    Ok(())
}
