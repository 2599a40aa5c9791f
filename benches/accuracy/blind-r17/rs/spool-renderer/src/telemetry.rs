//! Custom tracing layers: ship warnings to Loki, record span timings in Postgres.

use std::fmt::Write as _;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use postgres::NoTls;
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

#[derive(Default)]
struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, "{}={:?} ", field.name(), value);
    }
}

pub struct LokiLayer {
    pub push_url: String,
    pub job: String,
}

impl<S> Layer<S> for LokiLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if *event.metadata().level() > Level::WARN {
            return;
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        let ts = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();

        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("http client");
        let body = json!({
            "streams": [{
                "stream": { "job": self.job, "level": event.metadata().level().as_str() },
                "values": [[ts.to_string(), fields.0]]
            }]
        });
        let _ = client.post(&self.push_url).json(&body).send();
    }
}

pub struct SpanTimingLayer {
    pub dsn: String,
}

struct Started(Instant);

impl<S> Layer<S> for SpanTimingLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, _attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(Started(Instant::now()));
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let Some(elapsed) = span.extensions().get::<Started>().map(|s| s.0.elapsed()) else {
            return;
        };
        match postgres::Client::connect(&self.dsn, NoTls) {
            Ok(mut db) => {
                let _ = db.execute(
                    "INSERT INTO span_timings (name, target, micros) VALUES ($1, $2, $3)",
                    &[&span.name(), &span.metadata().target(), &(elapsed.as_micros() as i64)],
                );
            }
            Err(e) => eprintln!("span timing sink unavailable: {e}"),
        }
    }
}
