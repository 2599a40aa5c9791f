use std::fs::File;
use std::sync::Arc;

use anyhow::Context;
use daemonize::Daemonize;
use tokio::io::BufReader;
use tokio::net::TcpListener;

mod db;
mod icap;

struct Settings {
    listen: String,
    database_url: String,
    foreground: bool,
}

fn settings() -> anyhow::Result<Settings> {
    Ok(Settings {
        listen: std::env::var("URLCAT_LISTEN").unwrap_or_else(|_| "127.0.0.1:1344".into()),
        database_url: std::env::var("URLCAT_DATABASE_URL").context("URLCAT_DATABASE_URL is not set")?,
        foreground: std::env::args().any(|a| a == "--foreground"),
    })
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    // Squid may start before the database at boot: wait for it, once.
    let policy = Arc::new(db::Policy::new(db::connect_with_retry(&settings.database_url).await?));

    let listener = TcpListener::bind(&settings.listen).await?;
    log::info!("urlcat-icapd listening on {}", settings.listen);

    loop {
        let (stream, peer) = listener.accept().await?;
        let policy = policy.clone();
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut reader = BufReader::new(read);
            // Squid keeps ICAP connections open and sends many requests over each one.
            loop {
                match icap::handle_one(&mut reader, &mut write, &policy).await {
                    Ok(true) => continue,
                    Ok(false) => break,
                    Err(e) => {
                        log::warn!("icap client {peer}: {e:#}");
                        break;
                    }
                }
            }
        });
    }
}

fn main() -> anyhow::Result<()> {
    let settings = settings()?;
    syslog::init(syslog::Facility::LOG_DAEMON, log::LevelFilter::Info, Some("urlcat-icapd"))
        .map_err(|e| anyhow::anyhow!("syslog: {e}"))?;

    if !settings.foreground {
        let stderr = File::create("/var/log/urlcat/stderr.log")?;
        Daemonize::new()
            .pid_file("/run/urlcat/urlcat-icapd.pid")
            .chown_pid_file(true)
            .working_directory("/var/lib/urlcat")
            .user("proxy")
            .group("proxy")
            .umask(0o027)
            .stderr(stderr)
            .start()
            .context("daemonizing")?;
    }

    // the runtime must be created after the fork
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(settings))
}
