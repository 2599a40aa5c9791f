mod relays;

use std::{thread, time::Duration};

use lettre::message::header::ContentType;
use lettre::{Message, Transport};
use postgres::{Client, NoTls};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut db = Client::connect(&std::env::var("DATABASE_URL")?, NoTls)?;
    let parser = liquid::ParserBuilder::with_stdlib().build()?;

    loop {
        let batch = db.query(
            "SELECT o.id, o.tenant_id, o.recipient, t.subject, t.body_liquid, o.vars
               FROM mail_outbox o
               JOIN mail_templates t ON t.tenant_id = o.tenant_id AND t.name = o.template
              WHERE o.sent_at IS NULL AND o.attempts < 5
              ORDER BY o.id
              LIMIT 100",
            &[],
        )?;

        for row in batch {
            let id: i64 = row.get(0);
            let tenant: String = row.get(1);
            let recipient: String = row.get(2);
            let subject_src: String = row.get(3);
            let body_src: String = row.get(4);
            let vars: serde_json::Value = row.get(5);

            let result = (|| -> anyhow::Result<()> {
                let globals = liquid::model::to_object(&vars)?;
                let subject = parser.parse(&subject_src)?.render(&globals)?;
                let body = parser.parse(&body_src)?.render(&globals)?;

                let relay = relays::for_tenant(&mut db, &tenant)?;
                let email = Message::builder()
                    .from(relay.from.parse()?)
                    .to(recipient.parse()?)
                    .subject(subject)
                    .header(ContentType::TEXT_HTML)
                    .body(body)?;
                relay.transport.send(&email)?;
                Ok(())
            })();

            match result {
                Ok(()) => {
                    db.execute("UPDATE mail_outbox SET sent_at = now() WHERE id = $1", &[&id])?;
                }
                Err(e) => {
                    log::warn!("outbox {id} ({tenant}) failed: {e}");
                    db.execute(
                        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1",
                        &[&id, &e.to_string()],
                    )?;
                }
            }
        }

        thread::sleep(Duration::from_secs(5));
    }
}
