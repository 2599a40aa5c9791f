//! Season standings: one row per company per in-game week.

use anyhow::Result;
use mysql::prelude::*;
use mysql::{Opts, Pool};

use crate::admin::Reader;

pub struct League {
    pool: Pool,
    season_id: Option<u64>,
}

impl League {
    pub fn connect(url: &str) -> Result<League> {
        let pool = Pool::new(Opts::from_url(url)?)?;
        Ok(League { pool, season_id: None })
    }

    /// SERVER_WELCOME / SERVER_NEWGAME: open (or reuse) the season for this map.
    pub fn start_season(&mut self, server_name: &str, map_seed: u32) -> Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO seasons (server_name, map_seed, started_at) VALUES (?, ?, NOW()) \
             ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
            (server_name, map_seed),
        )?;
        self.season_id = Some(conn.last_insert_id());
        Ok(())
    }

    pub fn record_economy(&self, body: &[u8]) -> Result<()> {
        let Some(season) = self.season_id else { return Ok(()) };
        let mut r = Reader(body);
        let company = r.u8()?;
        let money = r.i64()?;
        let loan = r.i64()?;
        let income = r.i64()?;
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO company_weeks (season_id, company_id, money, loan, income, recorded_at) \
             VALUES (?, ?, ?, ?, ?, NOW())",
            (season, company, money, loan, income),
        )?;
        Ok(())
    }

    pub fn ranking_text(&self) -> Result<String> {
        let Some(season) = self.season_id else {
            return Ok("No season running yet.".into());
        };
        let mut conn = self.pool.get_conn()?;
        let top: Vec<(u8, i64)> = conn.exec(
            "SELECT company_id, money - loan AS net FROM company_weeks w \
             WHERE season_id = ? AND recorded_at = (SELECT MAX(recorded_at) FROM company_weeks \
             WHERE season_id = w.season_id AND company_id = w.company_id) ORDER BY net DESC LIMIT 5",
            (season,),
        )?;
        let parts: Vec<String> = top
            .iter()
            .enumerate()
            .map(|(i, (company, net))| format!("{}. Company #{} £{}", i + 1, company + 1, net))
            .collect();
        Ok(format!("League: {}", parts.join(" | ")))
    }
}
