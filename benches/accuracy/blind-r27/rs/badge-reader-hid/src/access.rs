//! Access-control database. A single connection for the life of the process,
//! replaced only when the server has closed it.

use std::time::Duration;

use postgres::{Client, NoTls};

pub fn connect_with_retry(url: &str) -> anyhow::Result<Client> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=12 {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) => {
                eprintln!("access db attempt {attempt} failed: {e}");
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
    anyhow::bail!("access database unreachable after 12 attempts")
}

pub fn check(db: &mut Client, badge: &str, site: &str, door: &str) -> Result<bool, postgres::Error> {
    let row = db.query_opt(
        "SELECT 1
           FROM badges b
           JOIN badge_grants g ON g.badge_id = b.id
          WHERE b.number = $1 AND NOT b.revoked
            AND g.site = $2 AND (g.door = $3 OR g.door = '*')
            AND now() BETWEEN g.valid_from AND g.valid_until",
        &[&badge, &site, &door],
    )?;
    Ok(row.is_some())
}

pub fn audit(
    db: &mut Client,
    badge: &str,
    site: &str,
    door: &str,
    granted: bool,
) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO door_events (badge_number, site, door, granted, at) VALUES ($1, $2, $3, $4, now())",
        &[&badge, &site, &door, &granted],
    )?;
    Ok(())
}
