//! Helpdesk mail ingest. One IMAP session and one Postgres connection for the
//! whole process; IDLE waits for new mail, every unseen message becomes a ticket.

mod schema;
mod slowlog;

use std::env;
use std::thread::sleep;
use std::time::Duration;

use anyhow::Context;
use diesel::prelude::*;
use diesel::pg::PgConnection;
use mailparse::MailHeaderMap;

use crate::schema::tickets;

#[derive(Insertable)]
#[diesel(table_name = tickets)]
struct NewTicket<'a> {
    message_id: &'a str,
    from_addr: &'a str,
    subject: &'a str,
    body: &'a str,
    queue: &'a str,
}

fn establish_with_retry(url: &str) -> anyhow::Result<PgConnection> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgConnection::establish(url) {
            Ok(conn) => return Ok(conn),
            Err(e) if attempt < 12 => {
                log::warn!("postgres not ready ({attempt}): {e}");
                sleep(Duration::from_secs(5));
            }
            Err(e) => return Err(e).context("connecting to postgres"),
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let slow_tx = slowlog::spawn_publisher(env::var("REDIS_URL")?)?;
    let mut db = establish_with_retry(&env::var("DATABASE_URL")?)?;
    db.set_instrumentation(slowlog::SlowQueryLog::new(slow_tx));

    let host = env::var("IMAP_HOST")?;
    let tls = native_tls::TlsConnector::builder().build()?;
    let client = imap::connect((host.as_str(), 993), &host, &tls)?;
    let mut session = client
        .login(env::var("IMAP_USER")?, env::var("IMAP_PASSWORD")?)
        .map_err(|(e, _)| e)?;
    session.select("INBOX")?;

    loop {
        let unseen = session.uid_search("UNSEEN")?;
        for uid in unseen {
            let fetches = session.uid_fetch(uid.to_string(), "RFC822")?;
            for fetch in fetches.iter() {
                let Some(raw) = fetch.body() else { continue };
                if let Err(e) = ingest(&mut db, raw) {
                    log::error!("uid {uid}: {e:#}");
                }
            }
            session.uid_store(uid.to_string(), "+FLAGS (\\Seen)")?;
        }
        session.idle()?.wait_keepalive()?;
    }
}

fn ingest(db: &mut PgConnection, raw: &[u8]) -> anyhow::Result<()> {
    let mail = mailparse::parse_mail(raw)?;
    let subject = mail.headers.get_first_value("Subject").unwrap_or_default();
    let from = mail.headers.get_first_value("From").unwrap_or_default();
    let message_id = mail.headers.get_first_value("Message-ID").unwrap_or_default();
    let body = mail.get_body()?;
    let queue = if subject.to_lowercase().contains("invoice") { "billing" } else { "general" };

    db.transaction::<_, diesel::result::Error, _>(|conn| {
        diesel::insert_into(tickets::table)
            .values(&NewTicket {
                message_id: &message_id,
                from_addr: &from,
                subject: &subject,
                body: &body,
                queue,
            })
            .execute(conn)?;
        Ok(())
    })?;
    Ok(())
}
