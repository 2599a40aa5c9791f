use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
pub struct ManifestLine {
    pub shipment_id: String,
    pub carrier: String,
    pub origin: String,
    pub destination: String,
    pub pieces: i32,
    pub weight_kg: f64,
}

pub fn read(path: &Path) -> anyhow::Result<Vec<ManifestLine>> {
    let mut rdr = csv::Reader::from_path(path)?;
    let mut out = Vec::new();
    for rec in rdr.deserialize() {
        out.push(rec?);
    }
    Ok(out)
}
