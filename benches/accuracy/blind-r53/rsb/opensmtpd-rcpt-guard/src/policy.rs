use postgres::NoTls;
use redis::Commands;

use crate::protocol::Session;
use crate::Config;

pub enum Verdict {
    Proceed,
    Reject(String),
    TempFail,
}

fn strip_address(raw: &str) -> String {
    raw.trim_matches(|c| c == '<' || c == '>').to_ascii_lowercase()
}

/// Called for every RCPT TO of every SMTP session.
pub fn check_recipient(
    cfg: &Config,
    session: Option<&Session>,
    raw: &str,
) -> anyhow::Result<Verdict> {
    let address = strip_address(raw);
    let Some((_local, domain)) = address.rsplit_once('@') else {
        return Ok(Verdict::Reject("Malformed recipient".into()));
    };

    let mut db = postgres::Client::connect(&cfg.database_url, NoTls)?;

    let hosted: bool = db
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM virtual_domains WHERE name = $1)",
            &[&domain],
        )?
        .get(0);
    if !hosted {
        // Not ours: relaying decisions belong to smtpd.conf, not to us.
        return Ok(Verdict::Proceed);
    }

    let row = db.query_opt(
        "SELECT state, forward_to FROM mailboxes WHERE address = $1",
        &[&address],
    )?;

    let verdict = match row {
        None => Verdict::Reject(format!("5.1.1 <{address}>: no such mailbox")),
        Some(r) => {
            let state: String = r.get("state");
            let forward_to: Option<String> = r.get("forward_to");
            match (state.as_str(), forward_to) {
                ("active", _) => Verdict::Proceed,
                ("retired", Some(fwd)) => {
                    Verdict::Reject(format!("5.1.6 <{address}> has moved, write to <{fwd}>"))
                }
                ("retired", None) => Verdict::Reject(format!("5.1.1 <{address}>: mailbox retired")),
                _ => Verdict::Reject(format!("5.2.1 <{address}>: mailbox disabled")),
            }
        }
    };

    if let (Verdict::Reject(_), Some(s)) = (&verdict, session) {
        db.execute(
            "INSERT INTO rejected_rcpts (address, client_rdns, client_addr, seen_at)
             VALUES ($1, $2, $3, now())",
            &[&address, &s.rdns, &s.src],
        )?;
    }

    db.close()?;
    Ok(verdict)
}

/// Called for every new inbound SMTP connection (link-connect report).
pub fn track_connect(cfg: &Config, rdns: &str, src: &str) -> anyhow::Result<()> {
    let ip = src.rsplit_once(':').map(|(ip, _port)| ip).unwrap_or(src);
    let client = redis::Client::open(cfg.redis_url.as_str())?;
    let mut con = client.get_connection()?;

    let key = format!("rcpt-guard:{}:connects:{ip}", cfg.hostname);
    let count: i64 = con.incr(&key, 1)?;
    if count == 1 {
        let _: () = con.expire(&key, 3600)?;
    }
    let _: () = con.hset("rcpt-guard:last-rdns", ip, rdns)?;
    Ok(())
}
