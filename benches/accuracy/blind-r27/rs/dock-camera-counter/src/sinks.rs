//! Where the counts go: a Redis counter connection opened once at start-up and
//! the warehouse API through one lazily built, process-wide HTTP client.

use std::sync::OnceLock;
use std::time::Duration;

use redis::Commands;

pub fn connect_counters(url: &str) -> anyhow::Result<redis::Connection> {
    let client = redis::Client::open(url)?;
    // the camera box usually boots faster than the Redis VM
    let mut attempt = 0;
    loop {
        attempt += 1;
        match client.get_connection_with_timeout(Duration::from_secs(2)) {
            Ok(conn) => break Ok(conn),
            Err(e) if attempt < 30 => {
                eprintln!("redis not up yet ({e}), retry {attempt}");
                std::thread::sleep(Duration::from_secs(2));
            }
            Err(e) => break Err(e.into()),
        }
    }
}

pub fn bump(conn: &mut redis::Connection, dock: &str) -> redis::RedisResult<()> {
    let _: i64 = conn.incr(format!("dock:{dock}:movements:today"), 1)?;
    let _: () = conn.set(format!("dock:{dock}:last_movement"), chrono_free_now())?;
    Ok(())
}

fn chrono_free_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client")
    })
}

pub fn post_summary(dock: &str, movements: u32) -> anyhow::Result<()> {
    let base = std::env::var("WMS_URL").unwrap_or_else(|_| "https://wms.internal/api".into());
    http()
        .post(format!("{base}/docks/{dock}/throughput"))
        .json(&serde_json::json!({ "movements": movements, "window_secs": 60 }))
        .send()?
        .error_for_status()?;
    Ok(())
}
