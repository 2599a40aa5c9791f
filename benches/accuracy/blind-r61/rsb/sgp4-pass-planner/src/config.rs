use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub database_url: String,
    pub tle_url: String,
    #[serde(rename = "station")]
    pub stations: Vec<Station>,
}

#[derive(Debug, Deserialize)]
pub struct Station {
    pub id: String,
    pub lat: f64,
    pub lon: f64,
    pub alt_m: f64,
    pub min_elevation_deg: f64,
    pub controller_url: String,
    pub controller_ca_pem: String,
    pub client_identity_pem: String,
}

pub fn load(path: &str) -> anyhow::Result<Config> {
    Ok(toml::from_str(&std::fs::read_to_string(path)?)?)
}
