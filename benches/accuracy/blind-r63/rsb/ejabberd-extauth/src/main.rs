//! ejabberd extauth protocol: each request is a 2-byte big-endian length followed by
//! `command:user:server[:password]`; each reply is length 2 followed by 1 (ok) or 0 (fail).
//! ejabberd keeps extauth_pool_size copies of this process alive and feeds them every login.
mod accounts;

use std::io::{self, Read, Write};

use anyhow::Result;

fn main() -> Result<()> {
    syslog::init(syslog::Facility::LOG_AUTH, log::LevelFilter::Info, Some("ejabberd-extauth"))
        .map_err(|e| anyhow::anyhow!("syslog: {e}"))?;
    let url = std::env::var("MEMBERS_DATABASE_URL")?;
    let pool = accounts::build_pool(&url)?;

    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut input = stdin.lock();
    let mut output = stdout.lock();

    loop {
        let mut len = [0u8; 2];
        if input.read_exact(&mut len).is_err() {
            log::info!("ejabberd closed stdin, exiting");
            return Ok(());
        }
        let mut buf = vec![0u8; u16::from_be_bytes(len) as usize];
        input.read_exact(&mut buf)?;
        let request = String::from_utf8_lossy(&buf);

        let ok = match handle(&pool, &url, &request) {
            Ok(ok) => ok,
            Err(e) => {
                log::error!("extauth request failed: {e:#}");
                false
            }
        };
        output.write_all(&[0, 2, 0, ok as u8])?;
        output.flush()?;
    }
}

fn handle(pool: &accounts::PgPool, url: &str, request: &str) -> Result<bool> {
    // passwords may contain ':' so only split the first three separators
    let mut parts = request.splitn(4, ':');
    let cmd = parts.next().unwrap_or_default();
    let user = parts.next().unwrap_or_default();
    let server = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default();

    match cmd {
        "auth" => accounts::check_password(pool, user, server, rest),
        "setpass" => accounts::set_password(pool, user, server, rest),
        "isuser" => {
            let mut client = accounts::connect_direct(url)?;
            let row = client.query_opt(
                "SELECT 1 FROM xmpp_accounts WHERE username = $1 AND domain = $2",
                &[&user, &server],
            )?;
            Ok(row.is_some())
        }
        // registration and removal happen in the members portal, never through XMPP
        "tryregister" | "removeuser" | "removeuser3" => Ok(false),
        other => {
            log::warn!("unknown extauth command {other:?}");
            Ok(false)
        }
    }
}
