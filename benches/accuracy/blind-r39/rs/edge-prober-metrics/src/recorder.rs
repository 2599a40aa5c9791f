use std::sync::{Arc, Mutex};

use metrics::{
    Counter, CounterFn, Gauge, Histogram, HistogramFn, Key, KeyName, Metadata, Recorder,
    SharedString, Unit,
};
use redis::Commands;

/// Pushes every metric update straight into Redis so the NOC dashboard can
/// read the latest values without a Prometheus in between.
pub struct RedisRecorder {
    url: String,
}

impl RedisRecorder {
    pub fn new(url: &str) -> Self {
        Self { url: url.to_string() }
    }

    fn open(&self) -> redis::Connection {
        redis::Client::open(self.url.as_str())
            .and_then(|c| c.get_connection())
            .expect("redis connection")
    }
}

fn redis_key(key: &Key) -> String {
    let mut k = format!("metrics:{}", key.name());
    for label in key.labels() {
        k.push_str(&format!(":{}={}", label.key(), label.value()));
    }
    k
}

struct RedisHandle {
    key: String,
    conn: Mutex<redis::Connection>,
}

impl CounterFn for RedisHandle {
    fn increment(&self, value: u64) {
        let _: redis::RedisResult<i64> = self.conn.lock().unwrap().incr(&self.key, value);
    }
    fn absolute(&self, value: u64) {
        let _: redis::RedisResult<()> = self.conn.lock().unwrap().set(&self.key, value);
    }
}

impl HistogramFn for RedisHandle {
    fn record(&self, value: f64) {
        let mut conn = self.conn.lock().unwrap();
        let _: redis::RedisResult<()> = redis::pipe()
            .lpush(&self.key, value)
            .ltrim(&self.key, 0, 999)
            .query(&mut *conn);
    }
}

impl Recorder for RedisRecorder {
    fn describe_counter(&self, _key: KeyName, _unit: Option<Unit>, _description: SharedString) {}
    fn describe_gauge(&self, _key: KeyName, _unit: Option<Unit>, _description: SharedString) {}
    fn describe_histogram(&self, _key: KeyName, _unit: Option<Unit>, _description: SharedString) {}

    fn register_counter(&self, key: &Key, _metadata: &Metadata<'_>) -> Counter {
        let conn = self.open();
        Counter::from_arc(Arc::new(RedisHandle { key: redis_key(key), conn: Mutex::new(conn) }))
    }

    fn register_gauge(&self, _key: &Key, _metadata: &Metadata<'_>) -> Gauge {
        // the prober does not use gauges
        Gauge::noop()
    }

    fn register_histogram(&self, key: &Key, _metadata: &Metadata<'_>) -> Histogram {
        let conn = self.open();
        Histogram::from_arc(Arc::new(RedisHandle { key: redis_key(key), conn: Mutex::new(conn) }))
    }
}
