//! Staff directory (HR feed) and help-desk rota, in the same MySQL schema.
use std::time::Duration;

use mysql::prelude::*;
use mysql::{Opts, Pool, PooledConn};

/// Builds the one pool the daemon uses. The database is sometimes still
/// starting when the VM boots, so give it a few attempts before giving up.
pub fn connect_with_retry(url: &str, attempts: u32) -> anyhow::Result<Pool> {
    let opts = Opts::from_url(url)?;
    let mut last_err = None;
    for attempt in 1..=attempts {
        match Pool::new(opts.clone()) {
            Ok(pool) => match pool.get_conn().and_then(|mut c| c.query_drop("SELECT 1")) {
                Ok(()) => return Ok(pool),
                Err(e) => last_err = Some(e),
            },
            Err(e) => last_err = Some(e),
        }
        eprintln!("fingerd: directory database not ready (attempt {attempt}/{attempts})");
        std::thread::sleep(Duration::from_secs(2 * attempt as u64));
    }
    Err(last_err.map(anyhow::Error::from).unwrap_or_else(|| anyhow::anyhow!("no attempts")))
}

pub fn lookup(conn: &mut PooledConn, login: &str, verbose: bool) -> mysql::Result<Option<String>> {
    let row: Option<(String, String, Option<String>, Option<String>, Option<String>)> = conn.exec_first(
        "SELECT login, full_name, department, room, phone FROM staff WHERE login = ? AND left_on IS NULL",
        (login,),
    )?;
    let Some((login, name, dept, room, phone)) = row else { return Ok(None) };

    let mut text = format!("Login: {login:<20} Name: {name}\r\n");
    text.push_str(&format!("Department: {}\r\n", dept.unwrap_or_default()));
    text.push_str(&format!("Office: {}   Phone: {}\r\n", room.unwrap_or_default(), phone.unwrap_or_default()));
    if verbose {
        let plan: Option<String> =
            conn.exec_first("SELECT body FROM staff_plan WHERE login = ?", (login.as_str(),))?;
        match plan {
            Some(p) => text.push_str(&format!("Plan:\r\n{}\r\n", p.replace('\n', "\r\n"))),
            None => text.push_str("No Plan.\r\n"),
        }
    }
    Ok(Some(text))
}

pub fn on_duty(conn: &mut PooledConn) -> mysql::Result<String> {
    let rows: Vec<(String, String, String)> = conn.query(
        "SELECT s.login, s.full_name, r.desk FROM rota r JOIN staff s ON s.login = r.login
          WHERE NOW() BETWEEN r.starts_at AND r.ends_at ORDER BY r.desk",
    )?;
    let mut text = String::from("Login                Name                         Desk\r\n");
    for (login, name, desk) in rows {
        text.push_str(&format!("{login:<20} {name:<28} {desk}\r\n"));
    }
    if text.lines().count() == 1 {
        text.push_str("(nobody on the help-desk rota right now)\r\n");
    }
    Ok(text)
}
