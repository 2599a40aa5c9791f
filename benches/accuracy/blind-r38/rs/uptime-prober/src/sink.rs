//! cadence sink that writes each statsd line into QuestDB over ILP instead of
//! a statsd daemon, so probe history is queryable with SQL.

use std::io;

use cadence::MetricSink;
use questdb::ingress::{Buffer, Sender, TimestampNanos};
use redis::Commands;

use crate::lastvalue;

pub struct QuestDbSink {
    conf: String,
}

impl QuestDbSink {
    pub fn from_env() -> Self {
        let conf = std::env::var("QDB_CLIENT_CONF").unwrap_or_else(|_| "tcp::addr=questdb:9009;".into());
        Self { conf }
    }
}

struct Parsed<'a> {
    name: &'a str,
    value: f64,
    kind: &'a str,
    tags: Vec<(&'a str, &'a str)>,
}

/// `uptime.probe.latency:42|ms|#target:checkout`
fn parse(line: &str) -> Option<Parsed<'_>> {
    let mut parts = line.split('|');
    let (name, value) = parts.next()?.split_once(':')?;
    let kind = parts.next()?;
    let tags = parts
        .find_map(|p| p.strip_prefix('#'))
        .map(|t| t.split(',').filter_map(|kv| kv.split_once(':')).collect())
        .unwrap_or_default();
    Some(Parsed { name, value: value.parse().ok()?, kind, tags })
}

fn to_io<E: std::fmt::Display>(err: E) -> io::Error {
    io::Error::new(io::ErrorKind::Other, err.to_string())
}

impl MetricSink for QuestDbSink {
    fn emit(&self, metric: &str) -> io::Result<usize> {
        let m = parse(metric).ok_or_else(|| to_io(format!("unparseable metric {metric:?}")))?;

        let mut sender = Sender::from_conf(&self.conf).map_err(to_io)?;
        let mut buf = Buffer::new();
        buf.table("probe_metrics").map_err(to_io)?;
        buf.symbol("metric", m.name).map_err(to_io)?;
        buf.symbol("kind", m.kind).map_err(to_io)?;
        for (k, v) in &m.tags {
            buf.symbol(*k, *v).map_err(to_io)?;
        }
        buf.column_f64("value", m.value).map_err(to_io)?;
        buf.at(TimestampNanos::now()).map_err(to_io)?;
        sender.flush(&mut buf).map_err(to_io)?;

        if m.kind == "g" {
            let target = m.tags.iter().find(|(k, _)| *k == "target").map(|(_, v)| *v).unwrap_or("-");
            let mut con = lastvalue::connect().map_err(to_io)?;
            let _: () = con
                .hset(format!("uptime:last:{target}"), m.name, m.value)
                .map_err(to_io)?;
        }
        Ok(metric.len())
    }
}
