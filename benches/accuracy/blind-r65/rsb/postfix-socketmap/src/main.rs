mod mailbox;
mod netstring;
mod senderlogin;
mod transport;

use std::sync::Arc;

use tokio::io::BufReader;
use tokio::net::{UnixListener, UnixStream};

struct Maps {
    mailboxes: mailbox::Mailboxes,
    transports: transport::Transports,
    redis_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let mail_db = std::env::var("MAIL_DB_URL")?; // mysql://mailmap:***@db1.mail.internal/mail
    let socket = std::env::var("MAILMAP_SOCKET").unwrap_or_else(|_| "/run/mailmapd/mailmapd.sock".into());

    let maps = Arc::new(Maps {
        mailboxes: mailbox::Mailboxes::connect(&mail_db).await?,
        transports: transport::Transports::open(&mail_db).await?,
        redis_url: std::env::var("MAILMAP_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into()),
    });

    let _ = std::fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket)?;
    tracing::info!(%socket, "mailmapd ready");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let maps = maps.clone();
                tokio::spawn(async move {
                    if let Err(e) = serve(maps, stream).await {
                        tracing::warn!("socketmap client error: {e:#}");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}

/// One Postfix client connection; Postfix sends many lookups over it.
async fn serve(maps: Arc<Maps>, stream: UnixStream) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    while let Some(request) = netstring::read(&mut rd).await? {
        let reply = answer(&maps, &request).await;
        netstring::write(&mut wr, &reply).await?;
    }
    Ok(())
}

async fn answer(maps: &Maps, request: &str) -> String {
    let Some((name, key)) = request.split_once(' ') else {
        return "PERM malformed request".into();
    };
    let result = match name {
        "mailbox" => maps.mailboxes.lookup(key).await.map_err(anyhow::Error::from),
        "transport" => maps.transports.lookup(key).await,
        "senderlogin" => senderlogin::lookup(&maps.redis_url, key).await,
        other => return format!("PERM unknown map {other}"),
    };
    match result {
        Ok(Some(value)) => format!("OK {value}"),
        Ok(None) => "NOTFOUND ".into(),
        Err(e) => {
            tracing::error!(map = name, "lookup failed: {e:#}");
            "TEMP lookup backend unavailable".into()
        }
    }
}
