//! What a live PostgreSQL server says, for `connlint budget --database-url`: its connection
//! limit, the connections reserved for superusers, and the connections open now, by application
//! and user. Read-only queries over one connection, with a connect timeout and a statement
//! timeout: an unreachable server is an error, never a hang. Knows no rule and no language.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// The server's side of the budget.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Server {
    /// The URL as given, its password masked.
    pub url: String,
    /// `server_version` (`15.18 (Debian 15.18-0+deb12u1)`).
    pub version: String,
    pub max_connections: u64,
    /// `superuser_reserved_connections` plus `reserved_connections` (PostgreSQL 16+).
    pub reserved: u64,
    /// Client connections open now (this one included).
    pub open: u64,
    pub by_application: Vec<Open>,
}

impl Server {
    /// Connections ordinary roles may open: `max_connections` minus the reserved ones.
    pub fn available(&self) -> u64 {
        self.max_connections.saturating_sub(self.reserved)
    }
}

/// Connections open now by one application name and user.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Open {
    /// `application_name`, or `(none)`.
    pub application: String,
    pub user: String,
    pub connections: u64,
}

/// Connection parameters libpq and tokio-postgres both know; the others (Prisma's
/// `connection_limit`, `pgbouncer`, `schema`) are a client library's and are left out.
const KNOWN_PARAMS: &[&str] = &[
    "sslmode",
    "options",
    "host",
    "hostaddr",
    "port",
    "user",
    "password",
    "dbname",
    "channel_binding",
    "target_session_attrs",
    "keepalives",
    "keepalives_idle",
    "load_balance_hosts",
];

/// The URL as a PostgreSQL connection string: `postgresql+asyncpg://` and `postgres://` are
/// `postgresql://`, unknown parameters are dropped. Errors say what is wrong with it.
fn normalise(url: &str) -> Result<String, String> {
    let mut u = url::Url::parse(url.trim()).map_err(|e| format!("not a URL ({e})"))?;
    let scheme = u.scheme().to_ascii_lowercase();
    let base = scheme.split('+').next().unwrap_or("");
    if !matches!(base, "postgres" | "postgresql") {
        return Err(format!(
            "`{scheme}://` is not a PostgreSQL URL (postgresql://user:password@host:port/db)"
        ));
    }
    let kept: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| KNOWN_PARAMS.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    u.set_query(None);
    if !kept.is_empty() {
        u.query_pairs_mut().extend_pairs(kept);
    }
    let rest = u
        .as_str()
        .split_once("://")
        .map_or("", |(_, r)| r)
        .to_string();
    Ok(format!("postgresql://{rest}"))
}

/// The URL with its password replaced by `***`.
pub fn masked(url: &str) -> String {
    match url::Url::parse(url.trim()) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "(not a URL)".into(),
    }
}

/// TLS as `sslmode` asks (prefer, the default, tries it and falls back): rustls with the
/// Mozilla roots.
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    let roots = rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| format!("TLS set-up failed: {e}"))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Connect to `url` and read the server's limits and open connections.
pub fn read(url: &str, timeout: Duration) -> Result<Server, String> {
    let shown = masked(url);
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("{shown}: {what}: {e}");
    let conn = normalise(url).map_err(|e| fail("cannot use this URL", &e))?;
    let mut config =
        postgres::Config::from_str(&conn).map_err(|e| fail("cannot use this URL", &e))?;
    config.connect_timeout(timeout);
    config.application_name("connlint budget");
    let mut client = if config.get_ssl_mode() == postgres::config::SslMode::Disable {
        config.connect(postgres::NoTls)
    } else {
        config.connect(tls()?)
    }
    .map_err(|e| {
        fail(
            &format!("cannot connect (waited at most {} s)", timeout.as_secs()),
            &e,
        )
    })?;
    let ms = timeout.as_millis().max(1000);
    client
        .batch_execute(&format!(
            "SET statement_timeout = {ms}; SET default_transaction_read_only = on"
        ))
        .map_err(|e| fail("cannot set a statement timeout", &e))?;
    let row = client
        .query_one(
            "SELECT current_setting('max_connections')::bigint, \
                    current_setting('superuser_reserved_connections')::bigint, \
                    coalesce((SELECT setting::bigint FROM pg_settings \
                              WHERE name = 'reserved_connections'), 0), \
                    current_setting('server_version')",
            &[],
        )
        .map_err(|e| fail("cannot read the server's settings", &e))?;
    let count = |v: i64| u64::try_from(v).unwrap_or(0);
    let max_connections = count(row.get(0));
    let reserved = count(row.get::<_, i64>(1)).saturating_add(count(row.get(2)));
    let version: String = row.get(3);
    let rows = client
        .query(
            "SELECT coalesce(nullif(application_name, ''), '(none)'), coalesce(usename::text, ''), \
                    count(*) \
             FROM pg_stat_activity WHERE backend_type = 'client backend' \
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
            &[],
        )
        .map_err(|e| fail("cannot read the open connections", &e))?;
    let by_application: Vec<Open> = rows
        .iter()
        .map(|r| Open {
            application: r.get(0),
            user: r.get(1),
            connections: count(r.get(2)),
        })
        .collect();
    let open = by_application.iter().map(|o| o.connections).sum();
    Ok(Server {
        url: shown,
        version,
        max_connections,
        reserved,
        open,
        by_application,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_client_libraries_become_connection_strings() {
        assert_eq!(
            normalise("postgresql+asyncpg://u:p@db:5432/app").unwrap(),
            "postgresql://u:p@db:5432/app"
        );
        assert_eq!(
            normalise("postgres://u@db/app?connection_limit=3&pgbouncer=true&sslmode=require")
                .unwrap(),
            "postgresql://u@db/app?sslmode=require"
        );
        assert!(
            normalise("mysql://u@db/app")
                .unwrap_err()
                .contains("not a PostgreSQL URL")
        );
        assert!(normalise("db:5432").is_err());
        assert_eq!(
            masked("postgresql://app:s3cret@db/app"),
            "postgresql://app:***@db/app"
        );
    }

    #[test]
    fn a_closed_port_is_an_error_not_a_hang() {
        let started = std::time::Instant::now();
        let e = read("postgresql://nobody@127.0.0.1:1/x", Duration::from_secs(3)).unwrap_err();
        assert!(e.contains("cannot connect"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
