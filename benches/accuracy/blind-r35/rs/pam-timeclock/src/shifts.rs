use postgres::{Client, NoTls};

const CONF: &str = "host=rostering-db.internal user=pam_ro dbname=rostering connect_timeout=3";

/// True when the user has a rostered shift covering the current time
/// (with a 15 minute grace window before the start).
pub fn on_shift(user: &str) -> Result<bool, postgres::Error> {
    let mut db = Client::connect(CONF, NoTls)?;
    let row = db.query_opt(
        "SELECT 1
           FROM shifts s JOIN staff st ON st.id = s.staff_id
          WHERE st.login = $1
            AND now() BETWEEN s.starts_at - interval '15 minutes' AND s.ends_at",
        &[&user],
    )?;
    Ok(row.is_some())
}
