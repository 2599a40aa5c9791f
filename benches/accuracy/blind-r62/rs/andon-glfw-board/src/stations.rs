use postgres::{Client, NoTls};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    Material,
    Quality,
    Maintenance,
    Supervisor,
}

impl CallKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CallKind::Material => "material",
            CallKind::Quality => "quality",
            CallKind::Maintenance => "maintenance",
            CallKind::Supervisor => "supervisor",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct LineStatus {
    pub running: bool,
    pub open_calls: u32,
    pub takt_seconds: f32,
}

/// Writes an andon call for this station so the team leader's tablet picks it up.
pub fn raise_call(dsn: &str, station: &str, kind: CallKind) -> anyhow::Result<i64> {
    let mut db = Client::connect(dsn, NoTls)?;
    let row = db.query_one(
        "INSERT INTO andon_calls (station, kind, raised_at) VALUES ($1, $2, now()) RETURNING id",
        &[&station, &kind.as_str()],
    )?;
    Ok(row.get(0))
}

pub fn fetch_status(mes_url: &str, line: &str) -> anyhow::Result<LineStatus> {
    let http = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(3))
        .build()?;
    let status = http
        .get(format!("{mes_url}/api/lines/{line}/status"))
        .send()?
        .error_for_status()?
        .json::<LineStatus>()?;
    Ok(status)
}
