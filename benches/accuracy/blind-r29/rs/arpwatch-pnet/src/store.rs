//! Redis helpers for the live ARP table.

use std::time::Duration;

/// Opens a Redis connection with sane timeouts.
pub fn connect(url: &str) -> redis::RedisResult<redis::Connection> {
    let client = redis::Client::open(url)?;
    let conn = client.get_connection_with_timeout(Duration::from_secs(2))?;
    conn.set_read_timeout(Some(Duration::from_secs(2)))?;
    conn.set_write_timeout(Some(Duration::from_secs(2)))?;
    Ok(conn)
}

/// Key layout used by the inventory UI.
pub fn ip_key(ip: &str) -> String {
    format!("arpwatch:ip:{ip}")
}

pub fn mac_key(mac: &str) -> String {
    format!("arpwatch:mac:{}", mac.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable() {
        assert_eq!(ip_key("10.0.0.1"), "arpwatch:ip:10.0.0.1");
        assert_eq!(mac_key("AA:BB:CC:00:11:22"), "arpwatch:mac:aa:bb:cc:00:11:22");
    }

    #[test]
    fn keys_differ() {
        assert_ne!(ip_key("10.0.0.1"), mac_key("10.0.0.1"));
    }
}
