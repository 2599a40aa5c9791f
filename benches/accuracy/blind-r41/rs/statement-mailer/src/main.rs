mod fx;

use std::thread;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use rayon::prelude::*;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

fn send_batch(pool: &PgPool, template: &liquid::Template, mailer: &SmtpTransport) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    let claimed = conn.query(
        "UPDATE statements SET status = 'rendering' WHERE id IN (
             SELECT id FROM statements WHERE status = 'pending' ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED)
         RETURNING id, customer_name, email, currency, period",
        &[],
    )?;
    drop(conn);

    claimed.par_iter().try_for_each(|row| -> anyhow::Result<()> {
        let id: i64 = row.get("id");
        let mut conn = pool.get()?;
        let lines = conn.query("SELECT label, amount_cents FROM statement_lines WHERE statement_id = $1", &[&id])?;
        let total: i64 = lines.iter().map(|l| l.get::<_, i64>("amount_cents")).sum();
        let globals = liquid::object!({
            "customer": { "name": row.get::<_, String>("customer_name"), "currency": row.get::<_, String>("currency") },
            "period": row.get::<_, String>("period"),
            "total_cents": total,
            "lines": lines.iter().map(|l| liquid::object!({
                "label": l.get::<_, String>("label"),
                "amount_cents": l.get::<_, i64>("amount_cents"),
            })).collect::<Vec<_>>(),
        });
        let html = template.render(&globals)?;
        let email = Message::builder()
            .from("Statements <statements@example.com>".parse()?)
            .to(row.get::<_, String>("email").parse()?)
            .subject(format!("Your statement for {}", row.get::<_, String>("period")))
            .header(ContentType::TEXT_HTML)
            .body(html)?;
        mailer.send(&email)?;
        conn.execute("UPDATE statements SET status = 'sent', sent_at = now() WHERE id = $1", &[&id])?;
        Ok(())
    })?;
    Ok(claimed.len())
}

fn main() -> anyhow::Result<()> {
    let manager = PostgresConnectionManager::new(std::env::var("DATABASE_URL")?.parse()?, NoTls);
    // one connection per rayon render thread plus headroom for the claim query
    let pool = r2d2::Pool::builder().max_size(80).connection_timeout(Duration::from_secs(10)).build(manager)?;

    let mailer = SmtpTransport::relay(&std::env::var("SMTP_HOST")?)?
        .credentials(Credentials::new(std::env::var("SMTP_USER")?, std::env::var("SMTP_PASSWORD")?))
        .build();

    let parser = liquid::ParserBuilder::with_stdlib().filter(fx::Fx).build()?;
    let template = parser.parse(include_str!("../templates/statement.liquid"))?;

    loop {
        match send_batch(&pool, &template, &mailer) {
            Ok(0) => thread::sleep(Duration::from_secs(30)),
            Ok(n) => println!("sent {n} statements"),
            Err(err) => {
                eprintln!("batch failed: {err:#}");
                thread::sleep(Duration::from_secs(30));
            }
        }
    }
}
