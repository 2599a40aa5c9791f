use std::collections::HashMap;
use std::net::SocketAddr;

use anyhow::{anyhow, bail};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::protocol::ServerMsg;

type PgManager = PostgresConnectionManager<NoTls>;

struct Racer {
    best_ms: Option<i32>,
    /// Dedicated connection for the racer's lap inserts so a busy lobby never
    /// waits on the pool mid-race.
    conn: PooledConnection<PgManager>,
}

/// Racers are keyed by handle, not address, so a client that drops out
/// mid-race (wifi hiccup, NAT rebinding) can resume from a new address.
pub struct Sessions {
    pool: Pool<PgManager>,
    racers: HashMap<String, Racer>,
    addrs: HashMap<SocketAddr, String>,
}

impl Sessions {
    pub fn new(pool: Pool<PgManager>) -> Self {
        Self { pool, racers: HashMap::new(), addrs: HashMap::new() }
    }

    pub fn hello(&mut self, addr: SocketAddr, token: &str) -> anyhow::Result<ServerMsg> {
        let mut conn = self.pool.get()?;
        let row = conn.query_opt(
            "SELECT p.handle, min(l.lap_ms) FROM players p \
             LEFT JOIN laps l ON l.player = p.handle \
             WHERE p.session_token = $1 GROUP BY p.handle",
            &[&token],
        )?;
        let Some(row) = row else { bail!("unknown player token") };
        let player: String = row.get(0);
        let best_ms: Option<i32> = row.get(1);

        self.addrs.insert(addr, player.clone());
        let best_ms = self
            .racers
            .entry(player.clone())
            .or_insert(Racer { best_ms, conn })
            .best_ms;
        log::info!("{addr}: {player} on the grid ({} racers)", self.racers.len());
        Ok(ServerMsg::Welcome { player, best_ms })
    }

    /// Timeout / disconnect: forget the address, keep the racer for resume.
    pub fn drop_addr(&mut self, addr: &SocketAddr) {
        if let Some(player) = self.addrs.remove(addr) {
            log::info!("{addr}: {player} dropped, keeping race state");
        }
    }

    fn racer(&mut self, addr: &SocketAddr) -> anyhow::Result<(String, &mut Racer)> {
        let player = self.addrs.get(addr).cloned().ok_or_else(|| anyhow!("say hello first"))?;
        let racer = self.racers.get_mut(&player).ok_or_else(|| anyhow!("no race in progress"))?;
        Ok((player, racer))
    }

    pub fn record_lap(&mut self, addr: SocketAddr, track: &str, lap_ms: i32) -> anyhow::Result<ServerMsg> {
        let (player, racer) = self.racer(&addr)?;
        racer.conn.execute(
            "INSERT INTO laps (player, track, lap_ms, at) VALUES ($1, $2, $3, now())",
            &[&player, &track, &lap_ms],
        )?;
        let personal_best = racer.best_ms.map_or(true, |b| lap_ms < b);
        if personal_best {
            racer.best_ms = Some(lap_ms);
        }
        Ok(ServerMsg::LapRecorded { personal_best })
    }

    pub fn record_finish(&mut self, addr: SocketAddr, track: &str, total_ms: i32) -> anyhow::Result<ServerMsg> {
        let (player, _) = self.racer(&addr)?;
        let mut racer = self.racers.remove(&player).expect("racer present");
        let mut tx = racer.conn.transaction()?;
        tx.execute(
            "INSERT INTO results (player, track, total_ms, at) VALUES ($1, $2, $3, now())",
            &[&player, &track, &total_ms],
        )?;
        let rank: i64 = tx
            .query_one(
                "SELECT count(*) + 1 FROM results WHERE track = $1 AND total_ms < $2",
                &[&track, &total_ms],
            )?
            .get(0);
        tx.commit()?;
        Ok(ServerMsg::Finished { player, rank })
    }
}
