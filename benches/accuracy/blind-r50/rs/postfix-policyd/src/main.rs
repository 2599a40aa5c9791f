mod policy;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;

use policy::{Attrs, Policy};

/// Postfix keeps the connection open and sends attribute blocks terminated by
/// an empty line; each block gets exactly one `action=...` reply.
fn serve(stream: TcpStream, policy: Arc<Policy>) -> anyhow::Result<()> {
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut attrs = Attrs::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let trimmed = line.trim_end();
        if !trimmed.is_empty() {
            if let Some((k, v)) = trimmed.split_once('=') {
                attrs.insert(k.to_string(), v.to_string());
            }
            continue;
        }
        let action = policy.evaluate(&attrs).unwrap_or_else(|e| {
            log::error!("policy evaluation failed: {e:#}");
            "DUNNO".to_string()
        });
        write!(writer, "action={action}\n\n")?;
        writer.flush()?;
        attrs.clear();
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let quotas = policy::open_policy_db()?;
    let limit = std::env::var("HOURLY_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let policy = Arc::new(Policy::new(quotas, limit));

    let listener = TcpListener::bind("127.0.0.1:10031")?;
    log::info!("policy service listening on 127.0.0.1:10031");
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                log::warn!("accept failed: {e}");
                continue;
            }
        };
        let policy = Arc::clone(&policy);
        thread::spawn(move || {
            if let Err(e) = serve(stream, policy) {
                log::warn!("connection ended: {e:#}");
            }
        });
    }
    Ok(())
}
