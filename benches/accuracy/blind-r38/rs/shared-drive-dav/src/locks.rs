//! WebDAV lock manager backed by Postgres so that every replica behind the
//! load balancer sees the same LOCK/UNLOCK state. Exclusive locks are also
//! pinned with a session-level advisory lock held on a dedicated connection.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use dashmap::DashMap;
use dav_server::davpath::DavPath;
use dav_server::ls::{DavLock, DavLockSystem, LsFuture};
use sqlx::pool::PoolConnection;
use sqlx::{FromRow, PgPool, Postgres};
use uuid::Uuid;
use xmltree::Element;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

#[derive(Clone)]
pub struct PgLockSystem {
    pool: PgPool,
    held: Arc<DashMap<String, PoolConnection<Postgres>>>,
}

impl PgLockSystem {
    pub fn new(pool: PgPool) -> Box<PgLockSystem> {
        Box::new(PgLockSystem { pool, held: Arc::new(DashMap::new()) })
    }
}

impl fmt::Debug for PgLockSystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgLockSystem").field("held", &self.held.len()).finish()
    }
}

#[derive(FromRow)]
struct LockRow {
    token: String,
    path: String,
    principal: Option<String>,
    shared: bool,
    deep: bool,
}

impl LockRow {
    fn into_lock(self, fallback: &DavPath) -> DavLock {
        DavLock {
            token: self.token,
            path: DavPath::new(&self.path).unwrap_or_else(|_| fallback.clone()),
            principal: self.principal,
            owner: None,
            timeout_at: None,
            timeout: None,
            shared: self.shared,
            deep: self.deep,
        }
    }
}

impl DavLockSystem for PgLockSystem {
    fn lock(
        &self,
        path: &DavPath,
        principal: Option<&str>,
        owner: Option<&Element>,
        timeout: Option<Duration>,
        shared: bool,
        deep: bool,
    ) -> LsFuture<'_, Result<DavLock, DavLock>> {
        let lock = DavLock {
            token: format!("opaquelocktoken:{}", Uuid::new_v4()),
            path: path.clone(),
            principal: principal.map(str::to_owned),
            owner: owner.cloned(),
            timeout_at: timeout.map(|t| SystemTime::now() + t),
            timeout,
            shared,
            deep,
        };
        Box::pin(async move {
            let key = lock.path.as_url_string();
            let mut conn = match self.pool.acquire().await {
                Ok(conn) => conn,
                Err(err) => {
                    tracing::error!(error = %err, "no connection for LOCK");
                    return Err(lock);
                }
            };
            let granted: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtext($1))")
                .bind(&key).fetch_one(&mut *conn).await.unwrap_or(false);
            if !granted {
                return Err(lock);
            }
            let ttl = lock.timeout.unwrap_or(DEFAULT_TIMEOUT).as_secs_f64();
            let inserted = sqlx::query(
                "INSERT INTO dav_locks (token, path, principal, shared, deep, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))",
            )
            .bind(&lock.token).bind(&key).bind(&lock.principal)
            .bind(shared).bind(deep).bind(ttl)
            .execute(&mut *conn)
            .await;
            if inserted.is_err() {
                let _ = sqlx::query("SELECT pg_advisory_unlock_all()").execute(&mut *conn).await;
                return Err(lock);
            }
            self.held.insert(lock.token.clone(), conn);
            Ok(lock)
        })
    }

    fn unlock(&self, path: &DavPath, token: &str) -> LsFuture<'_, Result<(), ()>> {
        let key = path.as_url_string();
        let token = token.to_string();
        Box::pin(async move {
            let (_, mut conn) = self.held.remove(&token).ok_or(())?;
            let release = async {
                sqlx::query("DELETE FROM dav_locks WHERE token = $1").bind(&token).execute(&mut *conn).await?;
                sqlx::query("SELECT pg_advisory_unlock(hashtext($1))").bind(&key).execute(&mut *conn).await?;
                Ok::<_, sqlx::Error>(())
            };
            release.await.map_err(|_| ())
        })
    }

    fn refresh(&self, path: &DavPath, token: &str, timeout: Option<Duration>) -> LsFuture<'_, Result<DavLock, ()>> {
        let (path, token) = (path.clone(), token.to_string());
        Box::pin(async move {
            let t = timeout.unwrap_or(DEFAULT_TIMEOUT);
            let row: Option<LockRow> = sqlx::query_as(
                "UPDATE dav_locks SET expires_at = now() + make_interval(secs => $2) \
                 WHERE token = $1 RETURNING token, path, principal, shared, deep",
            )
            .bind(&token)
            .bind(t.as_secs_f64())
            .fetch_optional(&self.pool)
            .await
            .map_err(|_| ())?;
            let mut lock = row.ok_or(())?.into_lock(&path);
            (lock.timeout, lock.timeout_at) = (Some(t), Some(SystemTime::now() + t));
            Ok(lock)
        })
    }

    fn check(
        &self,
        path: &DavPath,
        principal: Option<&str>,
        ignore_principal: bool,
        deep: bool,
        submitted_tokens: Vec<&str>,
    ) -> LsFuture<'_, Result<(), DavLock>> {
        let path = path.clone();
        let principal = principal.map(str::to_owned);
        let submitted: Vec<String> = submitted_tokens.into_iter().map(str::to_owned).collect();
        Box::pin(async move {
            let rows: Vec<LockRow> = sqlx::query_as(
                "SELECT token, path, principal, shared, deep FROM dav_locks WHERE expires_at > now() \
                 AND (path = $1 OR (deep AND $1 LIKE path || '%') OR ($2 AND path LIKE $1 || '%'))",
            )
            .bind(path.as_url_string())
            .bind(deep)
            .fetch_all(&self.pool)
            .await
            .unwrap_or_default();
            for row in rows {
                let same_owner = ignore_principal || row.principal.as_deref() == principal.as_deref();
                if !(same_owner && submitted.iter().any(|t| *t == row.token)) {
                    return Err(row.into_lock(&path));
                }
            }
            Ok(())
        })
    }

    fn discover(&self, path: &DavPath) -> LsFuture<'_, Vec<DavLock>> {
        let path = path.clone();
        Box::pin(async move {
            let rows: Vec<LockRow> = sqlx::query_as(
                "SELECT token, path, principal, shared, deep FROM dav_locks WHERE path = $1 AND expires_at > now()",
            )
            .bind(path.as_url_string())
            .fetch_all(&self.pool)
            .await
            .unwrap_or_default();
            rows.into_iter().map(|r| r.into_lock(&path)).collect()
        })
    }

    fn delete(&self, path: &DavPath) -> LsFuture<'_, Result<(), ()>> {
        let key = path.as_url_string();
        Box::pin(async move {
            let deleted = sqlx::query("DELETE FROM dav_locks WHERE path = $1 OR path LIKE $1 || '/%'")
                .bind(&key).execute(&self.pool).await;
            deleted.map(|_| ()).map_err(|_| ())
        })
    }
}
