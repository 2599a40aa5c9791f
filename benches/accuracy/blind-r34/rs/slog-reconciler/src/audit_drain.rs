use std::fmt::Arguments;
use std::time::Duration;

use mysql::prelude::*;
use mysql::{Conn, Opts};
use slog::{Drain, Key, Level, OwnedKVList, Record, Serializer, KV};

/// Writes every Info-or-higher record to the `audit_log` table and pages
/// on-call for Critical ones. Runs on the slog-async worker thread, once per
/// log record.
pub struct MysqlAuditDrain {
    db_url: String,
    pager_url: Option<String>,
}

impl MysqlAuditDrain {
    pub fn new(db_url: String, pager_url: Option<String>) -> Self {
        MysqlAuditDrain { db_url, pager_url }
    }
}

struct JsonFields(serde_json::Map<String, serde_json::Value>);

impl Serializer for JsonFields {
    fn emit_arguments(&mut self, key: Key, val: &Arguments) -> slog::Result {
        self.0.insert(key.to_string(), serde_json::Value::String(val.to_string()));
        Ok(())
    }
}

impl Drain for MysqlAuditDrain {
    type Ok = ();
    type Err = anyhow::Error;

    fn log(&self, record: &Record, values: &OwnedKVList) -> Result<(), anyhow::Error> {
        if !record.level().is_at_least(Level::Info) {
            return Ok(());
        }

        let mut fields = JsonFields(serde_json::Map::new());
        record.kv().serialize(record, &mut fields)?;
        values.serialize(record, &mut fields)?;
        let fields = serde_json::Value::Object(fields.0);

        let mut conn = Conn::new(Opts::from_url(&self.db_url)?)?;
        conn.exec_drop(
            "INSERT INTO audit_log (level, message, fields, logged_at) VALUES (?, ?, ?, NOW())",
            (record.level().as_str(), record.msg().to_string(), fields.to_string()),
        )?;

        if record.level() == Level::Critical {
            if let Some(url) = &self.pager_url {
                let http = reqwest::blocking::Client::builder()
                    .timeout(Duration::from_secs(5))
                    .build()?;
                http.post(url)
                    .json(&serde_json::json!({
                        "summary": record.msg().to_string(),
                        "severity": "critical",
                        "details": fields,
                    }))
                    .send()?
                    .error_for_status()?;
            }
        }
        Ok(())
    }
}
