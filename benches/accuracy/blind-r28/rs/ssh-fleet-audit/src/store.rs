use sqlx::{PgPool, Row};

use crate::probe::HostReport;

pub async fn active_hosts(pool: &PgPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT ssh_target FROM edge_hosts WHERE retired_at IS NULL ORDER BY ssh_target")
        .fetch_all(pool)
        .await
}

pub async fn start_run(pool: &PgPool, host_count: i32) -> Result<i64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO audit_runs (host_count) VALUES ($1) RETURNING id")
        .bind(host_count)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn finish_run(pool: &PgPool, run_id: i64, ok_hosts: i32) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE audit_runs SET finished_at = now(), ok_hosts = $2 WHERE id = $1")
        .bind(run_id)
        .bind(ok_hosts)
        .execute(pool)
        .await?;
    Ok(())
}

/// Stores the inventory snapshot and returns packages whose version differs
/// from the fleet baseline.
pub async fn save_report(pool: &PgPool, run_id: i64, report: &HostReport) -> Result<Vec<String>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;

    let host_id: i64 = sqlx::query_scalar(
        "UPDATE edge_hosts SET fqdn = $1, kernel = $2, last_audit_run = $3 \
         WHERE fqdn = $1 OR ssh_target = $1 RETURNING id",
    )
    .bind(&report.hostname)
    .bind(&report.kernel)
    .bind(run_id)
    .fetch_one(&mut *conn)
    .await?;

    sqlx::query("DELETE FROM host_packages WHERE host_id = $1")
        .bind(host_id)
        .execute(&mut *conn)
        .await?;
    for (name, version) in &report.packages {
        sqlx::query("INSERT INTO host_packages (host_id, name, version) VALUES ($1, $2, $3)")
            .bind(host_id)
            .bind(name)
            .bind(version)
            .execute(&mut *conn)
            .await?;
    }

    let drift = sqlx::query(
        "SELECT p.name, p.version, b.version FROM host_packages p \
         JOIN package_baseline b ON b.name = p.name \
         WHERE p.host_id = $1 AND p.version <> b.version",
    )
    .bind(host_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| format!("{} {} (baseline {})", row.get::<String, _>(0), row.get::<String, _>(1), row.get::<String, _>(2)))
    .collect();

    sqlx::query("COMMIT").execute(&mut *conn).await?;
    Ok(drift)
}
