use std::time::Duration;

use prometheus::core::{Collector, Desc};
use prometheus::proto::MetricFamily;
use prometheus::{IntGauge, IntGaugeVec, Opts};

const STREAMS: &[&str] = &["jobs:events", "jobs:deadletter", "mail:outbox"];

/// Redis memory use and stream lengths for the job system.
pub struct CacheCollector {
    redis_url: String,
    used_memory: IntGauge,
    stream_len: IntGaugeVec,
}

impl CacheCollector {
    pub fn new(redis_url: String) -> prometheus::Result<Self> {
        Ok(Self {
            redis_url,
            used_memory: IntGauge::with_opts(Opts::new(
                "redis_used_memory_bytes",
                "used_memory from INFO memory",
            ))?,
            stream_len: IntGaugeVec::new(
                Opts::new("redis_stream_length", "XLEN of job streams"),
                &["stream"],
            )?,
        })
    }

    fn scrape(&self) -> redis::RedisResult<()> {
        let client = redis::Client::open(self.redis_url.as_str())?;
        let mut con = client.get_connection_with_timeout(Duration::from_secs(2))?;

        let info: redis::InfoDict = redis::cmd("INFO").arg("memory").query(&mut con)?;
        if let Some(bytes) = info.get::<i64>("used_memory") {
            self.used_memory.set(bytes);
        }

        for stream in STREAMS {
            let len: i64 = redis::cmd("XLEN").arg(*stream).query(&mut con)?;
            self.stream_len.with_label_values(&[stream]).set(len);
        }
        Ok(())
    }
}

impl Collector for CacheCollector {
    fn desc(&self) -> Vec<&Desc> {
        let mut descs = self.used_memory.desc();
        descs.extend(self.stream_len.desc());
        descs
    }

    fn collect(&self) -> Vec<MetricFamily> {
        if let Err(e) = self.scrape() {
            log::warn!("redis scrape failed: {e}");
        }
        let mut families = self.used_memory.collect();
        families.extend(self.stream_len.collect());
        families
    }
}
