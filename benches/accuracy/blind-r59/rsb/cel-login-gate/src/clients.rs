//! All network clients of the gate. `Clients::connect` is called once from
//! main (inside the start-up retry loop); everything else borrows them.

use std::time::Duration;

use anyhow::Result;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use serde::Deserialize;

use crate::LoginEvent;

pub struct Clients {
    redis: r2d2::Pool<redis::Client>,
    pg: r2d2::Pool<PostgresConnectionManager<NoTls>>,
    http: reqwest::blocking::Client,
    geo_url: String,
}

#[derive(Deserialize)]
struct Geo {
    country: String,
}

impl Clients {
    pub fn connect() -> Result<Self> {
        let redis = r2d2::Pool::builder()
            .max_size(4)
            .build(redis::Client::open(std::env::var("GATE_REDIS_URL")?)?)?;
        let manager = PostgresConnectionManager::new(std::env::var("GATE_DATABASE_URL")?.parse()?, NoTls);
        let pg = r2d2::Pool::builder().max_size(4).build(manager)?;
        let http = reqwest::blocking::Client::builder().timeout(Duration::from_millis(400)).build()?;
        let geo_url = std::env::var("GEO_URL").unwrap_or_else(|_| "http://geo.internal:8080".into());
        Ok(Clients { redis, pg, http, geo_url })
    }

    /// Failed attempts for `user` in the last 15 minutes.
    pub fn failed_logins(&self, user: &str) -> i64 {
        let Ok(mut con) = self.redis.get() else { return 0 };
        con.get(format!("gate:fail:{user}")).unwrap_or(0)
    }

    pub fn country(&self, ip: &str) -> String {
        self.http
            .get(format!("{}/v1/ip/{ip}", self.geo_url))
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.json::<Geo>())
            .map(|g| g.country)
            .unwrap_or_else(|_| "ZZ".into())
    }

    pub fn record(&self, event: &LoginEvent, verdict: &str) -> Result<()> {
        if !event.success {
            let mut con = self.redis.get()?;
            let key = format!("gate:fail:{}", event.user);
            let _: () = redis::pipe().incr(&key, 1).expire(&key, 900).query(&mut *con)?;
        }
        let mut conn = self.pg.get()?;
        conn.execute(
            "INSERT INTO login_decisions (username, source_ip, host, method, verdict) VALUES ($1, $2, $3, $4, $5)",
            &[&event.user, &event.source_ip, &event.host, &event.method, &verdict],
        )?;
        Ok(())
    }
}
