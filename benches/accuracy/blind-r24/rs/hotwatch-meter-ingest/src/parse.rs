use chrono::{DateTime, Utc};
use influxdb::InfluxDbWriteable;

#[derive(Clone, InfluxDbWriteable)]
pub struct Reading {
    pub time: DateTime<Utc>,
    pub kwh: f64,
    pub voltage: f64,
    #[influxdb(tag)]
    pub meter_id: String,
    #[influxdb(tag)]
    pub feeder: String,
}

/// CSV layout from the head-end: meter_id,feeder,timestamp_rfc3339,kwh,voltage
pub fn readings(raw: &str) -> anyhow::Result<Vec<Reading>> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(raw.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        out.push(Reading {
            meter_id: rec[0].to_string(),
            feeder: rec[1].to_string(),
            time: DateTime::parse_from_rfc3339(&rec[2])?.with_timezone(&Utc),
            kwh: rec[3].parse()?,
            voltage: rec[4].parse()?,
        });
    }
    Ok(out)
}
