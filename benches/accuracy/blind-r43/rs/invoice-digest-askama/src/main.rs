use askama::Template;
use chrono::NaiveDate;
use serde::Serialize;
use sqlx::postgres::PgPoolOptions;

mod refdata {
    include!(concat!(env!("OUT_DIR"), "/currencies.rs"));
}

mod filters {
    use super::refdata;

    /// `{{ amount|money(currency) }}`: pure formatting, evaluated per rendered value.
    pub fn money<T: std::fmt::Display, C: std::fmt::Display>(
        minor: T,
        currency: C,
    ) -> ::askama::Result<String> {
        let minor: i64 = minor.to_string().parse().unwrap_or(0);
        let currency = currency.to_string();
        let digits = refdata::currency(&currency).map(|(_, d)| d).unwrap_or(2);
        let scale = 10i64.pow(digits);
        if digits == 0 {
            return Ok(format!("{minor} {currency}"));
        }
        Ok(format!("{}.{:0width$} {currency}", minor / scale, (minor % scale).abs(), width = digits as usize))
    }

    pub fn currency_name<T: std::fmt::Display>(code: T) -> ::askama::Result<String> {
        let code = code.to_string();
        Ok(refdata::currency(&code).map(|(name, _)| name.to_owned()).unwrap_or(code))
    }
}

#[derive(sqlx::FromRow)]
struct Invoice {
    number: String,
    due_on: NaiveDate,
    amount_minor: i64,
}

#[derive(Template)]
#[template(path = "digest.html")]
struct Digest<'a> {
    customer_name: &'a str,
    currency: &'a str,
    total_minor: i64,
    invoices: &'a [Invoice],
}

#[derive(Serialize)]
struct OutgoingMail<'a> {
    to: &'a str,
    subject: &'a str,
    html: String,
}

/// Invoked once a day by cron; exits when every digest has been handed off.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let mail_api = std::env::var("MAIL_API_URL")?;
    let http = reqwest::Client::new();

    let customers: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, name, email, currency FROM customers
         WHERE digest_opt_in AND (last_digest_on IS NULL OR last_digest_on < current_date)",
    )
    .fetch_all(&pool)
    .await?;

    let mut sent = 0usize;
    for (customer_id, name, email, currency) in &customers {
        let invoices: Vec<Invoice> = sqlx::query_as(
            "SELECT number, due_on, amount_minor FROM invoices
             WHERE customer_id = $1 AND paid_at IS NULL ORDER BY due_on",
        )
        .bind(customer_id)
        .fetch_all(&pool)
        .await?;
        if invoices.is_empty() {
            continue;
        }

        let html = Digest {
            customer_name: name,
            currency,
            total_minor: invoices.iter().map(|i| i.amount_minor).sum(),
            invoices: &invoices,
        }
        .render()?;

        http.post(&mail_api)
            .json(&OutgoingMail { to: email, subject: "Your open invoices", html })
            .send()
            .await?
            .error_for_status()?;

        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE customers SET last_digest_on = current_date WHERE id = $1")
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO digest_log (customer_id, invoice_count, sent_at) VALUES ($1, $2, now())")
            .bind(customer_id)
            .bind(invoices.len() as i32)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        sent += 1;
    }

    println!("sent {sent} digests to {} eligible customers", customers.len());
    pool.close().await;
    Ok(())
}
