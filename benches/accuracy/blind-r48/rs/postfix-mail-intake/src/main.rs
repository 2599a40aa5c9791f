//! Delivery agent invoked by Postfix's pipe(8) for every message addressed to
//! the support mailbox. The message arrives on stdin; the process exits with a
//! sysexits(3) code so Postfix knows whether to bounce, defer or accept.

use std::process::ExitCode;

use mailparse::{parse_mail, MailHeaderMap};
use object_store::aws::AmazonS3Builder;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use tokio::io::AsyncReadExt;
use tokio_postgres::NoTls;

const EX_DATAERR: u8 = 65;
const EX_TEMPFAIL: u8 = 75;
const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;

enum Failure {
    Permanent(String),
    Temporary(String),
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let sender = argv.next().unwrap_or_default();
    let recipient = argv.next().unwrap_or_default();

    match deliver(&sender, &recipient).await {
        Ok(ticket) => {
            eprintln!("mail-intake: {recipient} <- {sender}: ticket {ticket}");
            ExitCode::SUCCESS
        }
        Err(Failure::Permanent(msg)) => {
            eprintln!("mail-intake: rejected: {msg}");
            ExitCode::from(EX_DATAERR)
        }
        Err(Failure::Temporary(msg)) => {
            eprintln!("mail-intake: deferred: {msg}");
            ExitCode::from(EX_TEMPFAIL)
        }
    }
}

async fn deliver(sender: &str, recipient: &str) -> Result<i64, Failure> {
    let mut raw = Vec::new();
    tokio::io::stdin()
        .take(MAX_MESSAGE_BYTES as u64 + 1)
        .read_to_end(&mut raw)
        .await
        .map_err(|e| Failure::Temporary(format!("stdin: {e}")))?;
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(Failure::Permanent("message too large".into()));
    }

    let parsed = parse_mail(&raw).map_err(|e| Failure::Permanent(format!("unparseable message: {e}")))?;
    let subject = parsed.headers.get_first_value("Subject").unwrap_or_else(|| "(no subject)".into());
    let message_id = parsed.headers.get_first_value("Message-ID").unwrap_or_default();
    let body = first_text_part(&parsed).unwrap_or_default();

    // This process lives for exactly one message, so both clients are created
    // once here and torn down when the process exits.
    let archive = AmazonS3Builder::from_env()
        .with_bucket_name(std::env::var("INTAKE_BUCKET").unwrap_or_else(|_| "support-raw-mail".into()))
        .build()
        .map_err(|e| Failure::Temporary(format!("s3 config: {e}")))?;
    let key = Path::from(format!("inbound/{}.eml", uuid::Uuid::new_v4()));
    archive
        .put(&key, PutPayload::from(raw))
        .await
        .map_err(|e| Failure::Temporary(format!("archive upload: {e}")))?;

    let db_url = std::env::var("HELPDESK_DATABASE_URL").map_err(|_| Failure::Temporary("HELPDESK_DATABASE_URL unset".into()))?;
    let (client, connection) = tokio_postgres::connect(&db_url, NoTls)
        .await
        .map_err(|e| Failure::Temporary(format!("database: {e}")))?;
    let driver = tokio::spawn(connection);

    let row = client
        .query_one(
            "INSERT INTO tickets (mailbox, sender, subject, message_id, body, raw_object) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[&recipient, &sender, &subject, &message_id, &body, &key.to_string()],
        )
        .await
        .map_err(|e| Failure::Temporary(format!("insert: {e}")))?;
    let ticket: i64 = row.get(0);

    drop(client);
    let _ = driver.await;
    Ok(ticket)
}

fn first_text_part(mail: &mailparse::ParsedMail<'_>) -> Option<String> {
    if mail.subparts.is_empty() {
        return if mail.ctype.mimetype.starts_with("text/plain") { mail.get_body().ok() } else { None };
    }
    mail.subparts.iter().find_map(first_text_part)
}
