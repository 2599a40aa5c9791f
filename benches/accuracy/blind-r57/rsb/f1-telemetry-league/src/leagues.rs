//! Each league has its own database (separate league admins, separate
//! retention). Rigs are mapped to leagues in leagues.toml; pools are created
//! on first use and cached per league for the life of the process.
use std::collections::HashMap;
use std::net::IpAddr;

use anyhow::{Context, Result};
use serde::Deserialize;
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Deserialize)]
struct LeagueConfig {
    database_url: String,
    rigs: Vec<Rig>,
}

#[derive(Deserialize, Clone)]
pub struct Rig {
    pub ip: IpAddr,
    pub driver: String,
}

#[derive(Deserialize)]
struct ConfigFile {
    leagues: HashMap<String, LeagueConfig>,
}

pub struct Leagues {
    urls: HashMap<String, String>,
    rigs: HashMap<IpAddr, (String, Rig)>,
    pools: HashMap<String, PgPool>,
}

impl Leagues {
    pub async fn load(path: &str) -> Result<Leagues> {
        let text = tokio::fs::read_to_string(path).await.with_context(|| format!("reading {path}"))?;
        let cfg: ConfigFile = toml::from_str(&text)?;
        let mut urls = HashMap::new();
        let mut rigs = HashMap::new();
        for (league, lc) in cfg.leagues {
            for rig in lc.rigs {
                rigs.insert(rig.ip, (league.clone(), rig));
            }
            urls.insert(league, lc.database_url);
        }
        Ok(Leagues { urls, rigs, pools: HashMap::new() })
    }

    pub fn rig(&self, ip: &IpAddr) -> Option<&(String, Rig)> {
        self.rigs.get(ip)
    }

    /// Cached pool for one league; built at most once per configured league.
    pub fn pool(&mut self, league: &str) -> Result<PgPool> {
        if let Some(pool) = self.pools.get(league) {
            return Ok(pool.clone());
        }
        let url = self.urls.get(league).context("league not configured")?;
        let pool = PgPoolOptions::new().max_connections(2).connect_lazy(url)?;
        self.pools.insert(league.to_string(), pool.clone());
        Ok(pool)
    }

    pub async fn close_all(&self) {
        for pool in self.pools.values() {
            pool.close().await;
        }
    }
}
