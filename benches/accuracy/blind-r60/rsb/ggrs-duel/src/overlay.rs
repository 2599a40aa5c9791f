//! Live score for the broadcast overlay (the OBS browser source subscribes to the channel).

use std::time::Duration;

use crate::game::Duel;

pub struct Overlay {
    conn: redis::Connection,
    channel: String,
}

impl Overlay {
    /// Called once per refereed match, before the frame loop. Retries briefly because the
    /// referee pod and the overlay Redis are often scheduled at the same time.
    pub fn connect(match_id: &str) -> anyhow::Result<Self> {
        let url = std::env::var("OVERLAY_REDIS_URL").unwrap_or_else(|_| "redis://overlay-redis:6379".into());
        let client = redis::Client::open(url)?;

        let mut attempt = 0;
        let conn = loop {
            match client.get_connection_with_timeout(Duration::from_secs(2)) {
                Ok(conn) => break conn,
                Err(e) if attempt < 4 => {
                    attempt += 1;
                    eprintln!("overlay redis not ready ({e}), retry {attempt}/4");
                    std::thread::sleep(Duration::from_millis(500 * attempt));
                }
                Err(e) => return Err(e.into()),
            }
        };

        Ok(Self { conn, channel: format!("duel:{match_id}:score") })
    }

    pub fn publish(&mut self, duel: &Duel) {
        let payload = serde_json::to_string(duel).unwrap_or_default();
        let sent: redis::RedisResult<()> = redis::cmd("PUBLISH")
            .arg(&self.channel)
            .arg(payload)
            .query(&mut self.conn);
        if let Err(e) = sent {
            eprintln!("overlay publish dropped: {e}");
        }
    }
}
