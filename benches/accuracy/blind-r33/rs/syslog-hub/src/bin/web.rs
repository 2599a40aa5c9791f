#[macro_use]
extern crate tower_web;

use syslog_hub::db::{self, PgPool};
use tower_web::ServiceBuilder;

#[derive(Clone)]
struct HostsResource {
    pool: PgPool,
}

#[derive(Debug, Response)]
struct HostSummary {
    host: String,
    events_24h: i64,
    errors_24h: i64,
    last_seen: Option<String>,
}

#[derive(Debug, Response)]
struct RecentEvents {
    host: String,
    lines: Vec<String>,
}

impl_web! {
    impl HostsResource {
        #[get("/hosts/:host/summary")]
        #[content_type("json")]
        fn summary(&self, host: String) -> Result<HostSummary, ()> {
            let mut conn = self.pool.get().map_err(|_| ())?;
            let row = conn
                .query_one(
                    "SELECT count(*),
                            count(*) FILTER (WHERE severity <= 3),
                            to_char(max(received_at), 'YYYY-MM-DD\"T\"HH24:MI:SS')
                       FROM syslog_events
                      WHERE host = $1 AND received_at > now() - interval '24 hours'",
                    &[&host],
                )
                .map_err(|_| ())?;
            Ok(HostSummary { host, events_24h: row.get(0), errors_24h: row.get(1), last_seen: row.get(2) })
        }

        #[get("/hosts/:host/recent")]
        #[content_type("json")]
        fn recent(&self, host: String) -> Result<RecentEvents, ()> {
            let mut conn = self.pool.get().map_err(|_| ())?;
            let rows = conn
                .query(
                    "SELECT coalesce(appname, '-') || ': ' || message
                       FROM syslog_events WHERE host = $1
                      ORDER BY received_at DESC LIMIT 100",
                    &[&host],
                )
                .map_err(|_| ())?;
            Ok(RecentEvents { host, lines: rows.iter().map(|r| r.get(0)).collect() })
        }
    }
}

fn main() {
    env_logger::init();
    let pool = db::make_pool(8);
    let addr = "0.0.0.0:8080".parse().expect("invalid address");
    log::info!("syslog-hub web on {}", addr);
    ServiceBuilder::new()
        .resource(HostsResource { pool })
        .run(&addr)
        .unwrap();
}
