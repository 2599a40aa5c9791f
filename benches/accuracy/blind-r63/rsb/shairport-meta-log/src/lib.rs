pub mod schema {
    diesel::table! {
        plays (id) {
            id -> Int8,
            speaker -> Text,
            title -> Text,
            artist -> Nullable<Text>,
            album -> Nullable<Text>,
            client_name -> Nullable<Text>,
            started_at -> Timestamptz,
        }
    }
}

pub mod db {
    use std::{thread, time::Duration};

    use anyhow::{bail, Result};
    use diesel::pg::PgConnection;
    use diesel::Connection;

    /// Opens the single connection a process uses. Retries a few times because the
    /// cafe's Pi boots faster than its Wi-Fi.
    pub fn establish() -> Result<PgConnection> {
        let url = std::env::var("DATABASE_URL")?;
        for attempt in 1..=6 {
            match PgConnection::establish(&url) {
                Ok(conn) => return Ok(conn),
                Err(e) => {
                    log::warn!("postgres not reachable (attempt {attempt}/6): {e}");
                    thread::sleep(Duration::from_secs(5));
                }
            }
        }
        bail!("could not reach postgres")
    }
}
