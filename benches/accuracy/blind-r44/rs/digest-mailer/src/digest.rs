use std::error::Error;

use mysql::prelude::Queryable;
use mysql::Pool;

pub struct DigestJob {
    pub pool: Pool,
    pub agent: ureq::Agent,
    pub postmark_token: String,
    pub from: String,
}

struct Recipient {
    user_id: u64,
    email: String,
    events: u32,
}

impl DigestJob {
    /// Runs every 15 minutes on the timer thread.
    pub fn tick(&self) -> Result<(), Box<dyn Error>> {
        let mut conn = self.pool.get_conn()?;

        let due: Vec<Recipient> = conn.query_map(
            "SELECT u.id, u.email, COUNT(e.id)
               FROM users u
               JOIN project_events e ON e.user_id = u.id AND e.created_at > u.last_digest_at
              WHERE u.digest_enabled = 1
              GROUP BY u.id, u.email
              LIMIT 500",
            |(user_id, email, events)| Recipient { user_id, email, events },
        )?;

        if due.is_empty() {
            return Ok(());
        }

        for r in &due {
            let response = self
                .agent
                .post("https://api.postmarkapp.com/email/withTemplate")
                .set("X-Postmark-Server-Token", &self.postmark_token)
                .set("Accept", "application/json")
                .send_json(ureq::json!({
                    "From": self.from,
                    "To": r.email,
                    "TemplateAlias": "project-digest",
                    "TemplateModel": { "event_count": r.events },
                }));

            match response {
                Ok(_) => {
                    conn.exec_drop(
                        "UPDATE users SET last_digest_at = NOW() WHERE id = ?",
                        (r.user_id,),
                    )?;
                    conn.exec_drop(
                        "INSERT INTO digest_log (user_id, events, sent_at) VALUES (?, ?, NOW())",
                        (r.user_id, r.events),
                    )?;
                }
                Err(ureq::Error::Status(code, _)) if code == 422 => {
                    log::warn!("postmark rejected {}; disabling digest", r.email);
                    conn.exec_drop("UPDATE users SET digest_enabled = 0 WHERE id = ?", (r.user_id,))?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}
