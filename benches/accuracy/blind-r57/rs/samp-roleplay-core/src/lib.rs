//! SA-MP server plugin. samp-server loads it from plugins/ (server.cfg
//! `plugins rp_core.so`); the gamemode calls the natives below from Pawn
//! callbacks such as OnPlayerCommandText, OnPlayerSpawn and OnDialogResponse.

mod bank;
mod garage;
mod reports;

use std::collections::HashMap;

use mysql::{Opts, Pool};
use samp::initialize_plugin;
use samp::prelude::*;

pub struct RoleplayCore {
    dsn: String,
    pool: Option<Pool>,
    webhook_url: String,
    /// Balances changed since the last flush, keyed by player name.
    dirty: HashMap<String, i64>,
    ticks: u32,
}

impl RoleplayCore {
    fn pool(&self) -> Option<&Pool> {
        self.pool.as_ref()
    }

    fn flush_dirty(&mut self) {
        let Some(pool) = self.pool.clone() else { return };
        if self.dirty.is_empty() {
            return;
        }
        let Ok(mut conn) = pool.get_conn() else {
            log::warn!("flush skipped: no database connection");
            return;
        };
        for (name, balance) in self.dirty.drain() {
            let res = mysql::prelude::Queryable::exec_drop(
                &mut conn,
                "UPDATE accounts SET balance = ? WHERE name = ?",
                (balance, &name),
            );
            if let Err(e) = res {
                log::error!("flush {name}: {e}");
            }
        }
    }
}

impl SampPlugin for RoleplayCore {
    fn on_load(&mut self) {
        match Opts::from_url(&self.dsn).map_err(|e| e.to_string()).and_then(|opts| {
            Pool::new(opts).map_err(|e| e.to_string())
        }) {
            Ok(pool) => {
                self.pool = Some(pool);
                log::info!("rp_core: database pool ready");
            }
            Err(e) => log::error!("rp_core: cannot open database pool: {e}"),
        }
    }

    fn on_unload(&mut self) {
        self.flush_dirty();
    }

    // Runs once per server tick; flush roughly every 30 seconds.
    fn process_tick(&mut self) {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks % 6000 == 0 {
            self.flush_dirty();
        }
    }
}

initialize_plugin!(
    natives: [
        RoleplayCore::bank_get_balance,
        RoleplayCore::bank_deposit,
        RoleplayCore::garage_load,
        RoleplayCore::report_submit,
    ],
    {
        samp::plugin::enable_process_tick();
        let samp_logger = samp::plugin::logger().level(log::LevelFilter::Info);
        let _ = fern::Dispatch::new()
            .format(|out, message, record| {
                out.finish(format_args!("[rp_core] [{}]: {}", record.level(), message))
            })
            .chain(samp_logger)
            .apply();

        return RoleplayCore {
            dsn: std::env::var("RP_MYSQL_URL")
                .unwrap_or_else(|_| "mysql://rp:rp@127.0.0.1:3306/roleplay".to_string()),
            pool: None,
            webhook_url: std::env::var("RP_REPORT_WEBHOOK").unwrap_or_default(),
            dirty: HashMap::new(),
            ticks: 0,
        };
    }
);
