use postgres::{Client, NoTls};
use prometheus::core::{Collector, Desc};
use prometheus::proto::MetricFamily;
use prometheus::{Gauge, GaugeVec, IntGaugeVec, Opts};
use r2d2_postgres::PostgresConnectionManager;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Job queue depth and age of the oldest ready job, per queue.
pub struct QueueDepthCollector {
    database_url: String,
    depth: IntGaugeVec,
    oldest_age: GaugeVec,
}

impl QueueDepthCollector {
    pub fn new(database_url: String) -> prometheus::Result<Self> {
        Ok(Self {
            database_url,
            depth: IntGaugeVec::new(
                Opts::new("jobs_ready", "Jobs ready to run"),
                &["queue"],
            )?,
            oldest_age: GaugeVec::new(
                Opts::new("jobs_oldest_ready_seconds", "Age of the oldest ready job"),
                &["queue"],
            )?,
        })
    }

    fn scrape(&self) -> Result<(), postgres::Error> {
        let mut client = Client::connect(&self.database_url, NoTls)?;
        let rows = client.query(
            "SELECT queue, count(*)::bigint AS depth, \
                    coalesce(extract(epoch FROM now() - min(run_at)), 0)::float8 AS age \
             FROM jobs WHERE state = 'ready' GROUP BY queue",
            &[],
        )?;

        self.depth.reset();
        self.oldest_age.reset();
        for row in rows {
            let queue: String = row.get("queue");
            self.depth.with_label_values(&[&queue]).set(row.get("depth"));
            self.oldest_age.with_label_values(&[&queue]).set(row.get("age"));
        }
        Ok(())
    }
}

impl Collector for QueueDepthCollector {
    fn desc(&self) -> Vec<&Desc> {
        let mut descs = self.depth.desc();
        descs.extend(self.oldest_age.desc());
        descs
    }

    fn collect(&self) -> Vec<MetricFamily> {
        if let Err(e) = self.scrape() {
            log::warn!("queue depth scrape failed: {e}");
        }
        let mut families = self.depth.collect();
        families.extend(self.oldest_age.collect());
        families
    }
}

/// Replica lag in seconds, read through the shared pool.
pub struct ReplicationCollector {
    pool: PgPool,
    lag: Gauge,
}

impl ReplicationCollector {
    pub fn new(pool: PgPool) -> prometheus::Result<Self> {
        let lag = Gauge::with_opts(Opts::new(
            "replica_lag_seconds",
            "Replay lag of the reporting replica",
        ))?;
        Ok(Self { pool, lag })
    }
}

impl Collector for ReplicationCollector {
    fn desc(&self) -> Vec<&Desc> {
        self.lag.desc()
    }

    fn collect(&self) -> Vec<MetricFamily> {
        match self.pool.get() {
            Ok(mut conn) => {
                let lag = conn
                    .query_one(
                        "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0)::float8 \
                         FROM pg_stat_replication",
                        &[],
                    )
                    .map(|row| row.get::<_, f64>(0));
                match lag {
                    Ok(v) => self.lag.set(v),
                    Err(e) => log::warn!("replication scrape failed: {e}"),
                }
            }
            Err(e) => log::warn!("replication pool exhausted: {e}"),
        }
        self.lag.collect()
    }
}
