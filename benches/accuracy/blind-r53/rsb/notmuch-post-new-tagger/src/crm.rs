use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};

pub struct Contact {
    pub id: i64,
    pub account_name: String,
    pub account_slug: String,
    pub is_escalation: bool,
}

pub struct Crm {
    db: Client,
}

impl Crm {
    /// The CRM replica sits behind the office VPN, which can take a few
    /// seconds to come up after the laptop wakes. Try a handful of times,
    /// then give up and let the next `notmuch new` run tag the backlog.
    pub fn connect_with_retry(dsn: &str) -> anyhow::Result<Self> {
        let mut attempt = 0;
        let db = loop {
            attempt += 1;
            match Client::connect(dsn, NoTls) {
                Ok(db) => break db,
                Err(e) if attempt < 5 => {
                    eprintln!("crm-tagger: CRM not reachable ({e}), retry {attempt}/5");
                    sleep(Duration::from_secs(2 * attempt));
                }
                Err(e) => return Err(e.into()),
            }
        };
        Ok(Self { db })
    }

    pub fn lookup(&mut self, address: &str) -> anyhow::Result<Option<Contact>> {
        let row = self.db.query_opt(
            "SELECT c.id, a.name, a.slug, a.tier = 'escalation'
               FROM contacts c JOIN accounts a ON a.id = c.account_id
              WHERE lower(c.email) = $1 AND c.active",
            &[&address],
        )?;
        Ok(row.map(|r| Contact {
            id: r.get(0),
            account_name: r.get(1),
            account_slug: r.get(2),
            is_escalation: r.get(3),
        }))
    }

    pub fn log_touch(&mut self, contact_id: i64, message_id: &str, subject: &str) -> anyhow::Result<()> {
        self.db.execute(
            "INSERT INTO contact_touches (contact_id, channel, external_id, summary, at)
             VALUES ($1, 'email', $2, $3, now())
             ON CONFLICT (channel, external_id) DO NOTHING",
            &[&contact_id, &message_id, &subject],
        )?;
        Ok(())
    }

    pub fn close(self) -> anyhow::Result<()> {
        self.db.close()?;
        Ok(())
    }
}
