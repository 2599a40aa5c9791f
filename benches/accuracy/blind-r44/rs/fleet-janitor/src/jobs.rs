use std::error::Error;

use aerospike::{as_key, Client as AerospikeClient, ClientPolicy, WritePolicy};
use chrono::{DateTime, Utc};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;
type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

/// Reconciles `vehicle_assignments` with the published dispatch plan.
pub struct Reconciler {
    conn: PgConn,
    last_plan_version: Option<i64>,
    last_run: Option<DateTime<Utc>>,
}

impl Reconciler {
    pub fn new(pool: &PgPool) -> Result<Self, r2d2::Error> {
        let conn = pool.get()?;
        Ok(Self {
            conn,
            last_plan_version: None,
            last_run: None,
        })
    }

    pub fn run(&mut self) -> Result<(), postgres::Error> {
        let row = self
            .conn
            .query_one("SELECT max(version) FROM dispatch_plans WHERE published", &[])?;
        let version: Option<i64> = row.get(0);
        if version.is_none() || version == self.last_plan_version {
            return Ok(());
        }

        let mut tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE vehicle_assignments va
                SET driver_id = p.driver_id, updated_at = now()
               FROM dispatch_plan_rows p
              WHERE p.plan_version = $1 AND p.vehicle_id = va.vehicle_id
                AND va.driver_id IS DISTINCT FROM p.driver_id",
            &[&version],
        )?;
        tx.execute(
            "INSERT INTO janitor_runs (job, plan_version, ran_at) VALUES ('reconcile', $1, now())",
            &[&version],
        )?;
        tx.commit()?;

        self.last_plan_version = version;
        self.last_run = Some(Utc::now());
        Ok(())
    }
}

/// Deletes expired driver sessions from Postgres and evicts them from the
/// Aerospike session cache used by the driver app gateway.
pub fn expire_sessions(pool: &PgPool, aerospike_hosts: &str) -> Result<usize, Box<dyn Error>> {
    let cache = AerospikeClient::new(&ClientPolicy::default(), &aerospike_hosts)?;
    let mut conn = pool.get()?;

    let rows = conn.query(
        "SELECT session_id FROM driver_sessions WHERE expires_at < now() LIMIT 1000",
        &[],
    )?;
    if rows.is_empty() {
        cache.close()?;
        return Ok(0);
    }

    let policy = WritePolicy::default();
    for row in &rows {
        let session_id: String = row.get(0);
        let key = as_key!("fleet", "driver_sessions", session_id.as_str());
        cache.delete(&policy, &key)?;
    }

    let ids: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    conn.execute("DELETE FROM driver_sessions WHERE session_id = ANY($1)", &[&ids])?;
    cache.close()?;
    Ok(ids.len())
}
