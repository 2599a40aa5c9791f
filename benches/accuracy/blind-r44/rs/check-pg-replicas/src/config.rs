use serde::Deserialize;

#[derive(Deserialize)]
pub struct Replica {
    pub name: String,
    pub dsn: String,
}

#[derive(Deserialize)]
pub struct Config {
    pub replicas: Vec<Replica>,
    pub status_redis_url: Option<String>,
}

pub struct Args {
    pub config_path: String,
    pub warn: f64,
    pub crit: f64,
}

impl Args {
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args {
            config_path: "/etc/check_pg_replicas.toml".into(),
            warn: 30.0,
            crit: 120.0,
        };
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{} needs a value", flag))?;
            match flag.as_str() {
                "--config" => parsed.config_path = value,
                "--warn" => parsed.warn = value.parse().map_err(|_| "bad --warn")?,
                "--crit" => parsed.crit = value.parse().map_err(|_| "bad --crit")?,
                other => return Err(format!("unknown flag {}", other)),
            }
        }
        Ok(parsed)
    }
}

pub fn load(path: &str) -> Result<Config, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    Ok(toml::from_str(&text)?)
}
