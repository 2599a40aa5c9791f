//! Invoked by procmail once per incoming support mail, with the raw RFC 5322
//! message on stdin. Opens one database connection and one HTTP client for
//! this message, files the ticket, and exits; procmail starts a fresh
//! process for the next mail.

mod ticket;

use std::io::Read;
use std::process::ExitCode;
use std::thread::sleep;
use std::time::Duration;

use mail_parser::MessageParser;
use postgres::{Client, NoTls};

/// The helpdesk DB sits behind a failover VIP; ride out a short switchover.
fn connect(url: &str) -> Result<Client, postgres::Error> {
    let mut tries = 0;
    loop {
        match Client::connect(url, NoTls) {
            Ok(c) => return Ok(c),
            Err(e) if tries < 3 => {
                tries += 1;
                eprintln!("mail-triage: db connect failed ({e}), retry {tries}/3");
                sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e),
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut raw = Vec::new();
    std::io::stdin().read_to_end(&mut raw)?;
    let message = MessageParser::default()
        .parse(&raw)
        .ok_or("not a parseable message")?;
    let mail = ticket::IncomingMail::from_message(&message);

    let db_url = std::env::var("TRIAGE_DB_URL")?;
    let mut db = connect(&db_url)?;
    let outcome = ticket::file(&mut db, &mail);
    db.close()?;
    let (ticket_id, is_new) = outcome?;

    if is_new && mail.priority == ticket::Priority::Urgent {
        if let Ok(webhook) = std::env::var("TRIAGE_CHAT_WEBHOOK") {
            let http = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()?;
            http.post(webhook)
                .json(&serde_json::json!({
                    "text": format!("Urgent ticket #{ticket_id} from {}: {}", mail.from, mail.subject)
                }))
                .send()?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mail-triage: {e}");
            // EX_TEMPFAIL: procmail's `e` recipe keeps the mail for a retry
            ExitCode::from(75)
        }
    }
}
