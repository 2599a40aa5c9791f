use std::collections::HashMap;
use std::env;

use mysql::prelude::Queryable;
use mysql::{params, Opts, Pool};
use redis::Commands;

pub type Attrs = HashMap<String, String>;

/// Opens the greylist/quota MySQL database.
pub fn open_policy_db() -> anyhow::Result<Pool> {
    let url = env::var("POLICY_MYSQL_URL")?;
    Ok(Pool::new(Opts::from_url(&url)?)?)
}

pub struct Policy {
    quotas: Pool,
    hourly_limit: u32,
}

impl Policy {
    pub fn new(quotas: Pool, hourly_limit: u32) -> Self {
        Self { quotas, hourly_limit }
    }

    /// One call per policy request (Postfix sends one per RCPT TO / END-OF-MESSAGE).
    pub fn evaluate(&self, attrs: &Attrs) -> anyhow::Result<String> {
        let stage = attrs.get("protocol_state").map(String::as_str).unwrap_or("");
        let sasl_user = attrs.get("sasl_username").cloned().unwrap_or_default();
        let client_ip = attrs.get("client_address").cloned().unwrap_or_default();
        let sender = attrs.get("sender").cloned().unwrap_or_default();
        let recipient = attrs.get("recipient").cloned().unwrap_or_default();

        if stage == "END-OF-MESSAGE" && !sasl_user.is_empty() {
            let rc = redis::Client::open(env::var("POLICY_REDIS_URL")?)?;
            let mut con = rc.get_connection()?;
            let key = format!("ratelimit:{sasl_user}");
            let sent: u32 = con.incr(&key, 1)?;
            let _: bool = con.expire(&key, 3600)?;
            if sent > self.hourly_limit {
                return Ok(format!("DEFER_IF_PERMIT hourly quota of {} exceeded", self.hourly_limit));
            }
            let mut conn = self.quotas.get_conn()?;
            conn.exec_drop(
                "INSERT INTO sent_counter (username, sent_on, n) VALUES (:u, CURDATE(), 1) \
                 ON DUPLICATE KEY UPDATE n = n + 1",
                params! { "u" => &sasl_user },
            )?;
            return Ok("DUNNO".into());
        }

        if stage == "RCPT" && sasl_user.is_empty() {
            let greylist = open_policy_db()?;
            let mut conn = greylist.get_conn()?;
            let seen: Option<u32> = conn.exec_first(
                "SELECT TIMESTAMPDIFF(SECOND, first_seen, NOW()) FROM greylist \
                 WHERE client_ip = :ip AND sender = :s AND recipient = :r",
                params! { "ip" => &client_ip, "s" => &sender, "r" => &recipient },
            )?;
            return Ok(match seen {
                Some(age) if age >= 300 => "DUNNO".into(),
                Some(_) => "DEFER_IF_PERMIT greylisted, try again later".into(),
                None => {
                    conn.exec_drop(
                        "INSERT INTO greylist (client_ip, sender, recipient, first_seen) VALUES (:ip, :s, :r, NOW())",
                        params! { "ip" => &client_ip, "s" => &sender, "r" => &recipient },
                    )?;
                    "DEFER_IF_PERMIT greylisted, try again later".into()
                }
            });
        }
        Ok("DUNNO".into())
    }
}
