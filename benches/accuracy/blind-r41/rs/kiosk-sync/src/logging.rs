use std::time::SystemTime;

use log::{Level, LevelFilter};

/// Log to stderr, and forward warnings/errors to the ops board (Redis list) and to the
/// on-call webhook so the store team sees kiosk problems without SSHing in.
pub fn init(store_id: &str, redis_url: String, webhook_url: Option<String>) -> Result<(), fern::InitError> {
    let store = store_id.to_string();

    let ops_board = fern::Output::call(move |record| {
        if record.level() > Level::Warn {
            return;
        }
        let entry = serde_json::json!({
            "store": store,
            "level": record.level().as_str(),
            "target": record.target(),
            "msg": record.args().to_string(),
        });
        match redis::Client::open(redis_url.as_str()).and_then(|c| c.get_connection()) {
            Ok(mut conn) => {
                let _: redis::RedisResult<()> = redis::cmd("LPUSH").arg("ops:kiosk-log").arg(entry.to_string()).query(&mut conn);
            }
            Err(err) => eprintln!("ops board unavailable: {err}"),
        }
    });

    let mut dispatch = fern::Dispatch::new()
        .format(|out, message, record| {
            out.finish(format_args!(
                "[{} {} {}] {}",
                humantime::format_rfc3339_seconds(SystemTime::now()),
                record.level(),
                record.target(),
                message
            ))
        })
        .level(LevelFilter::Info)
        .level_for("postgres", LevelFilter::Warn)
        .chain(std::io::stderr())
        .chain(ops_board);

    if let Some(url) = webhook_url {
        dispatch = dispatch.chain(fern::Output::call(move |record| {
            if record.level() != Level::Error {
                return;
            }
            let http = reqwest::blocking::Client::builder()
                .timeout(std::time::Duration::from_secs(5))
                .build()
                .expect("tls backend");
            let _ = http
                .post(&url)
                .json(&serde_json::json!({ "text": format!("kiosk error: {}", record.args()) }))
                .send();
        }));
    }

    dispatch.apply()?;
    Ok(())
}
