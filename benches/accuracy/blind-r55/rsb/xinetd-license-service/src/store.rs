//! Backend access for one workstation connection (= one process).

use chrono::{NaiveDate, Utc};
use postgres::{Client, NoTls};
use redis::Commands;

pub enum Decision {
    Granted { expires: NaiveDate },
    Denied(&'static str),
}

pub struct Store {
    db: Client,
    seats: redis::Connection,
    peer: String,
}

impl Store {
    pub fn open(peer: &str) -> Result<Store, Box<dyn std::error::Error>> {
        let db_conf = std::env::var("LICENSE_DB")?;
        let redis_url = std::env::var("LICENSE_REDIS")?;
        let db = Client::connect(&db_conf, NoTls)?;
        let seats = redis::Client::open(redis_url)?.get_connection()?;
        Ok(Store { db, seats, peer: peer.to_string() })
    }

    pub fn check(&mut self, serial: &str, seat: &str) -> Result<Decision, Box<dyn std::error::Error>> {
        let row = self.db.query_opt(
            "SELECT expires_on, max_seats, revoked FROM licences WHERE serial = $1",
            &[&serial],
        )?;
        let Some(row) = row else {
            return Ok(Decision::Denied("unknown-serial"));
        };
        let expires: NaiveDate = row.get(0);
        let max_seats: i32 = row.get(1);
        let revoked: bool = row.get(2);
        if revoked {
            return Ok(Decision::Denied("revoked"));
        }
        if expires < Utc::now().date_naive() {
            return Ok(Decision::Denied("expired"));
        }

        let key = format!("seats:{serial}");
        let _: () = self.seats.hset(&key, seat, &self.peer)?;
        let _: () = self.seats.expire(&key, 12 * 3600)?;
        let in_use: i64 = self.seats.hlen(&key)?;
        if in_use > max_seats as i64 {
            let _: () = self.seats.hdel(&key, seat)?;
            return Ok(Decision::Denied("no-free-seat"));
        }

        self.db.execute(
            "INSERT INTO checkouts (serial, seat, peer, at) VALUES ($1, $2, $3, now())",
            &[&serial, &seat, &self.peer],
        )?;
        Ok(Decision::Granted { expires })
    }

    pub fn release(&mut self, serial: &str, seat: &str) -> Result<(), Box<dyn std::error::Error>> {
        let _: () = self.seats.hdel(format!("seats:{serial}"), seat)?;
        self.db.execute(
            "UPDATE checkouts SET released_at = now() \
             WHERE serial = $1 AND seat = $2 AND released_at IS NULL",
            &[&serial, &seat],
        )?;
        Ok(())
    }

    pub fn close(self) {
        drop(self.seats);
        if let Err(e) = self.db.close() {
            eprintln!("licensed: closing db: {e}");
        }
    }
}
