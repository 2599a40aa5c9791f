//! Dovecot passdb/userdb `checkpassword` driver:
//!
//! ```text
//! passdb { driver = checkpassword  args = /usr/local/bin/checkpassword-mailusers }
//! userdb { driver = prefetch }
//! ```
//!
//! Dovecot's auth process forks and execs this program once per authentication
//! (or userdb lookup), passes "user\0password\0" on fd 3 and, on success,
//! expects us to exec the reply program given in argv[1..] with the userdb
//! fields in the environment. Exit 1 = bad credentials, 111 = temporary failure.

mod userdb;

use std::fs::File;
use std::io::Read;
use std::os::fd::FromRawFd;
use std::os::unix::process::CommandExt;
use std::process::{exit, Command};

const EXIT_REJECT: i32 = 1;
const EXIT_TEMPFAIL: i32 = 111;

fn read_credentials() -> std::io::Result<(String, String)> {
    // SAFETY: fd 3 is provided by Dovecot for exactly this purpose and is not used elsewhere.
    let mut fd3 = unsafe { File::from_raw_fd(3) };
    let mut buf = Vec::with_capacity(512);
    fd3.by_ref().take(512).read_to_end(&mut buf)?;
    let mut fields = buf.split(|b| *b == 0).map(|f| String::from_utf8_lossy(f).into_owned());
    let user = fields.next().unwrap_or_default();
    let password = fields.next().unwrap_or_default();
    Ok((user, password))
}

fn main() {
    let reply_program: Vec<String> = std::env::args().skip(1).collect();
    if reply_program.is_empty() {
        eprintln!("checkpassword-mailusers: missing reply program");
        exit(EXIT_TEMPFAIL);
    }
    let (user, password) = match read_credentials() {
        Ok(creds) => creds,
        Err(e) => {
            eprintln!("checkpassword-mailusers: reading fd 3: {}", e);
            exit(EXIT_TEMPFAIL);
        }
    };
    // AUTHORIZED=1 means Dovecot only wants a userdb lookup, no password check.
    let lookup_only = std::env::var("AUTHORIZED").as_deref() == Ok("1");
    let database_url = match std::env::var("MAILUSERS_DATABASE_URL") {
        Ok(url) => url,
        Err(_) => {
            eprintln!("checkpassword-mailusers: MAILUSERS_DATABASE_URL not set");
            exit(EXIT_TEMPFAIL);
        }
    };

    let account = match userdb::lookup(&database_url, &user) {
        Ok(Some(account)) => account,
        Ok(None) => exit(EXIT_REJECT),
        Err(e) => {
            eprintln!("checkpassword-mailusers: userdb lookup for {}: {:#}", user, e);
            exit(EXIT_TEMPFAIL);
        }
    };
    if !lookup_only && !userdb::verify(&account.password_hash, &password) {
        exit(EXIT_REJECT);
    }

    let mut reply = Command::new(&reply_program[0]);
    reply
        .args(&reply_program[1..])
        .env("USER", &account.login)
        .env("HOME", &account.home)
        .env("userdb_uid", account.uid.to_string())
        .env("userdb_gid", account.gid.to_string())
        .env("userdb_quota_rule", format!("*:bytes={}", account.quota_bytes))
        .env("EXTRA", "userdb_uid userdb_gid userdb_quota_rule");
    if lookup_only {
        reply.env("AUTHORIZED", "2");
    }
    let err = reply.exec();
    eprintln!("checkpassword-mailusers: exec {}: {}", reply_program[0], err);
    exit(EXIT_TEMPFAIL);
}
