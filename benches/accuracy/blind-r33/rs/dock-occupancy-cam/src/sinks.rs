use std::{thread, time::Duration};

use questdb::ingress::Sender;

/// QuestDB may still be starting when the dock PC boots: retry a few times,
/// then give up and let systemd restart us.
pub fn questdb_sender() -> anyhow::Result<Sender> {
    let conf = std::env::var("QDB_CLIENT_CONF").unwrap_or_else(|_| "tcp::addr=questdb.local:9009;".into());
    let mut attempt = 0;
    let sender = loop {
        match Sender::from_conf(&conf) {
            Ok(sender) => break sender,
            Err(e) if attempt < 10 => {
                attempt += 1;
                log::warn!("questdb not reachable ({e}); retry {attempt}/10");
                thread::sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(sender)
}

pub fn redis_connection() -> anyhow::Result<redis::Connection> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://yard-cache.local:6379".into());
    Ok(redis::Client::open(url)?.get_connection()?)
}
