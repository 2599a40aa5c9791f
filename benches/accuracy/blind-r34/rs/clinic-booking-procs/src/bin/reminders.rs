//! Separate process (see Procfile): every minute, e-mail patients whose
//! appointment starts in 24 hours.

use std::time::Duration;

use clinic_booking::db;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mysql_async::prelude::*;
use mysql_async::Pool;

async fn send_due(pool: &Pool, smtp: &AsyncSmtpTransport<Tokio1Executor>) -> anyhow::Result<usize> {
    let mut conn = pool.get_conn().await?;
    let due: Vec<(u64, String, String, String)> = conn
        .query(
            "SELECT s.id, p.email, p.name, DATE_FORMAT(s.starts_at, '%d %b %H:%i') \
             FROM slots s JOIN patients p ON p.id = s.booked_by \
             WHERE s.reminder_sent = 0 AND s.starts_at BETWEEN NOW() + INTERVAL 23 HOUR AND NOW() + INTERVAL 24 HOUR",
        )
        .await?;

    let from: Mailbox = "Clinic <no-reply@clinic.example>".parse()?;
    let mut sent = 0;
    for (slot_id, email, name, when) in due {
        let msg = Message::builder()
            .from(from.clone())
            .to(format!("{name} <{email}>").parse()?)
            .subject("Appointment reminder")
            .body(format!("Hello {name}, this is a reminder of your appointment on {when}."))?;
        smtp.send(msg).await?;
        conn.exec_drop("UPDATE slots SET reminder_sent = 1 WHERE id = ?", (slot_id,)).await?;
        sent += 1;
    }
    Ok(sent)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(3).await?;
    let smtp = AsyncSmtpTransport::<Tokio1Executor>::relay(&std::env::var("SMTP_HOST")?)?
        .credentials(Credentials::new(std::env::var("SMTP_USER")?, std::env::var("SMTP_PASS")?))
        .build();

    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                match send_due(&pool, &smtp).await {
                    Ok(0) => {}
                    Ok(n) => println!("sent {n} reminders"),
                    Err(e) => eprintln!("reminder pass failed: {e:#}"),
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.disconnect().await?;
    Ok(())
}
