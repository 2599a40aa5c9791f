use std::sync::LazyLock;
use std::time::Duration;

use libnss::passwd::Passwd;
use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

const DSN: &str = "host=directory-replica.corp user=nss_ro dbname=directory connect_timeout=2";

/// One small lazily-built pool per process that loaded the module.
static POOL: LazyLock<Option<PgPool>> = LazyLock::new(|| {
    let manager = PostgresConnectionManager::new(DSN.parse().ok()?, NoTls);
    r2d2::Pool::builder()
        .max_size(2)
        .min_idle(Some(0))
        .idle_timeout(Some(Duration::from_secs(60)))
        .connection_timeout(Duration::from_secs(2))
        .build(manager)
        .ok()
});

fn row_to_passwd(row: &postgres::Row) -> Passwd {
    Passwd {
        name: row.get("login"),
        passwd: "x".to_string(),
        uid: row.get::<_, i64>("uid") as libc::uid_t,
        gid: row.get::<_, i64>("gid") as libc::gid_t,
        gecos: row.get("full_name"),
        dir: format!("/home/{}", row.get::<_, String>("login")),
        shell: row.get("shell"),
    }
}

pub fn user_by_uid(uid: libc::uid_t) -> Result<Option<Passwd>, Box<dyn std::error::Error>> {
    let pool = POOL.as_ref().ok_or("directory unavailable")?;
    let mut conn = pool.get()?;
    let row = conn.query_opt(
        "SELECT login, uid, gid, full_name, shell FROM posix_users WHERE uid = $1 AND active",
        &[&(uid as i64)],
    )?;
    Ok(row.as_ref().map(row_to_passwd))
}

pub fn user_by_name(name: &str) -> Result<Option<Passwd>, Box<dyn std::error::Error>> {
    let pool = POOL.as_ref().ok_or("directory unavailable")?;
    let mut conn = pool.get()?;
    let row = conn.query_opt(
        "SELECT login, uid, gid, full_name, shell FROM posix_users WHERE login = $1 AND active",
        &[&name],
    )?;
    Ok(row.as_ref().map(row_to_passwd))
}
