//! Device credential check, run for every MQTT CONNECT.

use postgres::{Client, NoTls};

#[derive(Debug)]
pub enum AuthError {
    Db(postgres::Error),
    Hash(bcrypt::BcryptError),
}

impl std::fmt::Display for AuthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuthError::Db(e) => write!(f, "database: {e}"),
            AuthError::Hash(e) => write!(f, "hash: {e}"),
        }
    }
}

impl From<postgres::Error> for AuthError {
    fn from(e: postgres::Error) -> Self {
        AuthError::Db(e)
    }
}

impl From<bcrypt::BcryptError> for AuthError {
    fn from(e: bcrypt::BcryptError) -> Self {
        AuthError::Hash(e)
    }
}

/// Returns Ok(true) when the device exists, is not revoked and the password
/// matches its bcrypt hash.
pub fn verify_device(dsn: &str, username: &str, password: &str) -> Result<bool, AuthError> {
    let mut db = Client::connect(dsn, NoTls)?;
    let row = db.query_opt(
        "SELECT password_hash, revoked FROM device_credentials WHERE username = $1",
        &[&username],
    )?;
    let Some(row) = row else {
        return Ok(false);
    };
    let revoked: bool = row.get("revoked");
    if revoked {
        return Ok(false);
    }
    let hash: String = row.get("password_hash");
    let ok = bcrypt::verify(password, &hash)?;
    if ok {
        db.execute(
            "UPDATE device_credentials SET last_seen = now() WHERE username = $1",
            &[&username],
        )?;
    }
    Ok(ok)
}
