//! Squid external ACL helper: answers "is this user still within today's
//! download quota?" for every proxied request.

mod db;
mod usage;

use std::io::{self, BufRead, Write};

fn decide(user: &str, domain: &str) -> anyhow::Result<bool> {
    let mut pg = db::connect()?;
    if db::is_whitelisted(&mut pg, domain)? {
        return Ok(true);
    }
    let Some(quota) = db::daily_quota_mib(&mut pg, user)? else {
        return Ok(true);
    };
    Ok(usage::used_today_mib(user)? < quota)
}

fn main() -> anyhow::Result<()> {
    let stdin = io::stdin();
    let mut out = io::stdout().lock();

    for line in stdin.lock().lines() {
        let line = line?;
        let mut parts = line.split_whitespace();
        let (Some(channel), Some(user), Some(domain)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let reply = match decide(user, domain) {
            Ok(true) => format!("{channel} OK"),
            Ok(false) => format!("{channel} ERR message=quota%20exceeded"),
            Err(e) => format!("{channel} BH message={}", e.to_string().replace(' ', "%20")),
        };
        writeln!(out, "{reply}")?;
        out.flush()?;
    }
    Ok(())
}
