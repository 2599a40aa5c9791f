//! Mailbox lookup and password verification.

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use chrono::Utc;
use postgres::Client;

pub struct Mailbox {
    pub user: String,
    pub home: String,
    pub quota_mb: i32,
}

/// Returns `Some(mailbox)` when the credentials are valid (or when this is a
/// userdb lookup for an existing, enabled mailbox).
pub fn authenticate(
    db: &mut Client,
    user: &str,
    password: &str,
    userdb_lookup: bool,
) -> Result<Option<Mailbox>, postgres::Error> {
    let login = user.trim().to_ascii_lowercase();
    let row = db.query_opt(
        "SELECT m.address, m.password_hash, m.maildir, m.quota_mb \
           FROM mailboxes m JOIN domains d ON d.id = m.domain_id \
          WHERE m.address = $1 AND m.enabled AND d.enabled",
        &[&login],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };

    let mailbox = Mailbox {
        user: row.get("address"),
        home: row.get("maildir"),
        quota_mb: row.get("quota_mb"),
    };
    if userdb_lookup {
        return Ok(Some(mailbox));
    }

    let stored: String = row.get("password_hash");
    let valid = PasswordHash::new(&stored)
        .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false);

    if valid {
        db.execute(
            "UPDATE mailboxes SET last_login_at = $2, failed_logins = 0 WHERE address = $1",
            &[&login, &Utc::now()],
        )?;
        Ok(Some(mailbox))
    } else {
        db.execute(
            "UPDATE mailboxes SET failed_logins = failed_logins + 1 WHERE address = $1",
            &[&login],
        )?;
        Ok(None)
    }
}
