use std::env;

use anyhow::Context;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use serde::Deserialize;

use crate::schema::invoices;

#[derive(Deserialize)]
struct IssueInvoice {
    customer_id: i64,
    email: String,
    amount_cents: i64,
    period: String,
}

#[derive(Insertable)]
#[diesel(table_name = invoices)]
struct NewInvoice<'a> {
    customer_id: i64,
    amount_cents: i64,
    period: &'a str,
    status: &'a str,
}

/// Called for every delivery on `billing.issue_invoice`.
pub fn issue_invoice(body: &[u8]) -> anyhow::Result<i64> {
    let job: IssueInvoice = serde_json::from_slice(body).context("bad payload")?;

    let mut conn = PgConnection::establish(&env::var("DATABASE_URL")?)
        .context("connect to billing db")?;

    let invoice_id: i64 = diesel::insert_into(invoices::table)
        .values(&NewInvoice {
            customer_id: job.customer_id,
            amount_cents: job.amount_cents,
            period: &job.period,
            status: "pending",
        })
        .returning(invoices::id)
        .get_result(&mut conn)?;

    send_receipt(&job, invoice_id)?;

    diesel::update(invoices::table.find(invoice_id))
        .set(invoices::status.eq("sent"))
        .execute(&mut conn)?;
    Ok(invoice_id)
}

fn send_receipt(job: &IssueInvoice, invoice_id: i64) -> anyhow::Result<()> {
    let email = Message::builder()
        .from("Billing <billing@example.com>".parse()?)
        .to(job.email.parse()?)
        .subject(format!("Invoice #{invoice_id} for {}", job.period))
        .header(ContentType::TEXT_PLAIN)
        .body(format!(
            "Your invoice for {} is ready. Amount due: ${:.2}",
            job.period,
            job.amount_cents as f64 / 100.0
        ))?;

    let mailer = SmtpTransport::relay(&env::var("SMTP_HOST")?)?
        .credentials(Credentials::new(env::var("SMTP_USER")?, env::var("SMTP_PASSWORD")?))
        .build();
    mailer.send(&email)?;
    Ok(())
}
