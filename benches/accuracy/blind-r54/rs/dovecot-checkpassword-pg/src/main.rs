//! checkpassword protocol (as used by Dovecot):
//!   fd 3  -> "username\0password\0" (password empty for userdb lookups)
//!   success: set USER/HOME (+ EXTRA) and exec argv[1..] (checkpassword-reply)
//!   exit 1 = bad credentials, exit 111 = temporary failure
//!
//! Dovecot runs this binary once per login; the process ends with exec.

mod verify;

use std::fs::File;
use std::io::Read;
use std::os::fd::FromRawFd;
use std::os::unix::process::CommandExt;
use std::process::{exit, Command};

const EXIT_BAD_AUTH: i32 = 1;
const EXIT_TEMPFAIL: i32 = 111;

fn read_request() -> Option<(String, String)> {
    // SAFETY: the checkpassword protocol guarantees fd 3 is open for reading.
    let mut fd3 = unsafe { File::from_raw_fd(3) };
    let mut buf = Vec::with_capacity(512);
    fd3.by_ref().take(512).read_to_end(&mut buf).ok()?;
    let mut parts = buf.split(|b| *b == 0);
    let user = String::from_utf8(parts.next()?.to_vec()).ok()?;
    let pass = String::from_utf8(parts.next().unwrap_or_default().to_vec()).ok()?;
    Some((user, pass))
}

fn main() {
    let reply: Vec<String> = std::env::args().skip(1).collect();
    if reply.is_empty() {
        eprintln!("checkpassword-pg: missing checkpassword-reply argument");
        exit(EXIT_TEMPFAIL);
    }
    let Some((user, password)) = read_request() else {
        exit(EXIT_TEMPFAIL);
    };
    let userdb_lookup = std::env::var_os("AUTHORIZED").is_some();

    let dsn = std::env::var("MAILDB_DSN")
        .unwrap_or_else(|_| "host=/run/postgresql user=dovecot dbname=mail".to_string());

    // One connection for this single authentication attempt.
    let mut db = match postgres::Client::connect(&dsn, postgres::NoTls) {
        Ok(db) => db,
        Err(err) => {
            eprintln!("checkpassword-pg: database unavailable: {err}");
            exit(EXIT_TEMPFAIL);
        }
    };

    let outcome = verify::authenticate(&mut db, &user, &password, userdb_lookup);
    let _ = db.close();

    match outcome {
        Ok(Some(mailbox)) => {
            let err = Command::new(&reply[0])
                .args(&reply[1..])
                .env("USER", &mailbox.user)
                .env("HOME", &mailbox.home)
                .env("userdb_quota_rule", format!("*:storage={}M", mailbox.quota_mb))
                .env("EXTRA", "userdb_quota_rule")
                .exec();
            eprintln!("checkpassword-pg: exec failed: {err}");
            exit(EXIT_TEMPFAIL);
        }
        Ok(None) => exit(EXIT_BAD_AUTH),
        Err(err) => {
            eprintln!("checkpassword-pg: lookup failed: {err}");
            exit(EXIT_TEMPFAIL);
        }
    }
}
