//! collectd write plugin: every value list collectd dispatches is written to
//! the `metric_points` table; a READ hook reports how many series the ops
//! dashboard has muted.
//!
//! collectd.conf:
//!   LoadPlugin pg_writer
//!   <Plugin pg_writer>
//!     Dsn "host=metrics-db user=collectd dbname=metrics"
//!     MemcacheUrl "memcache://cache-1:11211?timeout=2"
//!     AlertWebhook "https://alerts.internal/hooks/collectd"
//!   </Plugin>

mod store;

use collectd_plugin::{
    collectd_plugin, CollectdLoggerBuilder, ConfigItem, Plugin, PluginCapabilities,
    PluginManager, PluginRegistration, Value, ValueList, ValueListBuilder,
};
use serde::Deserialize;
use std::error;
use std::time::Duration;

#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
#[serde(deny_unknown_fields)]
struct PgWriterConfig {
    dsn: String,
    memcache_url: String,
    alert_webhook: Option<String>,
}

struct PgWriterManager;

impl PluginManager for PgWriterManager {
    fn name() -> &'static str {
        "pg_writer"
    }

    fn plugins(
        config: Option<&[ConfigItem<'_>]>,
    ) -> Result<PluginRegistration, Box<dyn error::Error>> {
        CollectdLoggerBuilder::new()
            .prefix_plugin::<Self>()
            .filter_level(log::LevelFilter::Info)
            .try_init()
            .ok();

        let cfg: PgWriterConfig = collectd_plugin::de::from_collectd(config.unwrap_or_default())?;

        // collectd calls plugins() once, when the configuration is read.
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;

        Ok(PluginRegistration::Single(Box::new(PgWriter {
            dsn: cfg.dsn,
            memcache_url: cfg.memcache_url,
            alert_webhook: cfg.alert_webhook,
            http,
        })))
    }
}

struct PgWriter {
    dsn: String,
    memcache_url: String,
    alert_webhook: Option<String>,
    http: reqwest::blocking::Client,
}

impl PgWriter {
    fn alert(&self, list: &ValueList<'_>, reason: &str) {
        if let Some(url) = &self.alert_webhook {
            let body = serde_json::json!({
                "host": list.host,
                "plugin": list.plugin,
                "type": list.type_,
                "reason": reason,
            });
            if let Err(e) = self.http.post(url).json(&body).send() {
                log::warn!("alert webhook failed: {}", e);
            }
        }
    }
}

impl Plugin for PgWriter {
    fn capabilities(&self) -> PluginCapabilities {
        PluginCapabilities::READ | PluginCapabilities::WRITE
    }

    // Runs on collectd's read thread every Interval (10 s by default).
    fn read_values(&self) -> Result<(), Box<dyn error::Error>> {
        let mc = memcache::connect(self.memcache_url.as_str())?;
        let muted: Option<u64> = mc.get("collectd:muted_series")?;
        let values = [Value::Gauge(muted.unwrap_or(0) as f64)];
        ValueListBuilder::new(PgWriterManager::name(), "count")
            .type_instance("muted_series")
            .values(&values)
            .submit()?;
        Ok(())
    }

    // Runs on a collectd write thread for every value list that is dispatched.
    fn write_values(&self, list: ValueList<'_>) -> Result<(), Box<dyn error::Error>> {
        let pool = store::pool(&self.dsn)?;
        let mut conn = pool.get()?;

        let series = format!(
            "{}/{}-{}/{}-{}",
            list.host,
            list.plugin,
            list.plugin_instance.unwrap_or(""),
            list.type_,
            list.type_instance.unwrap_or("")
        );

        for report in &list.values {
            let value = match report.value {
                Value::Gauge(g) => g,
                Value::Counter(c) => c as f64,
                Value::Derive(d) => d as f64,
                Value::Absolute(a) => a as f64,
            };
            if value.is_nan() {
                self.alert(&list, "NaN value dispatched");
                continue;
            }
            store::insert_point(&mut conn, &series, report.name, list.time, value)?;
        }
        Ok(())
    }
}

collectd_plugin!(PgWriterManager);
