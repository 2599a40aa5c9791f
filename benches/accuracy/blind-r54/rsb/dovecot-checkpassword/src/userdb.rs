use std::time::Duration;

use anyhow::Result;
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use mysql::prelude::Queryable;
use mysql::{Conn, Opts, OptsBuilder};

pub struct Account {
    pub login: String,
    pub home: String,
    pub uid: u32,
    pub gid: u32,
    pub quota_bytes: u64,
    pub password_hash: String,
}

/// One lookup per process: connect, query, disconnect before we exec the
/// reply program, so the socket is not inherited by it.
pub fn lookup(database_url: &str, user: &str) -> Result<Option<Account>> {
    let opts = OptsBuilder::from_opts(Opts::from_url(database_url)?)
        .tcp_connect_timeout(Some(Duration::from_secs(3)))
        .read_timeout(Some(Duration::from_secs(5)));
    let mut conn = Conn::new(opts)?;
    let row: Option<(String, String, u32, u32, u64, String)> = conn.exec_first(
        "SELECT login, home, uid, gid, quota_bytes, password_hash \
         FROM mail_users WHERE (login = ? OR alias = ?) AND active = 1",
        (user, user),
    )?;
    drop(conn);

    Ok(row.map(|(login, home, uid, gid, quota_bytes, password_hash)| Account {
        login,
        home,
        uid,
        gid,
        quota_bytes,
        password_hash,
    }))
}

/// Hashes are stored Dovecot-style, e.g. "{ARGON2ID}$argon2id$v=19$...".
pub fn verify(stored: &str, password: &str) -> bool {
    let encoded = stored
        .strip_prefix("{ARGON2ID}")
        .or_else(|| stored.strip_prefix("{ARGON2I}"))
        .unwrap_or(stored);
    match PasswordHash::new(encoded) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}
