//! SA-MP / open.mp server plugin for the "Los Santos RP" gamemode.
//!
//! The Pawn gamemode (gamemodes/lsrp.pwn) calls these natives:
//!   * Bank_Login / Bank_Logout from OnPlayerConnect / OnPlayerDisconnect
//!   * Bank_Deposit / Bank_GetBalance from OnDialogResponse (ATM dialogs)
//!   * Stats_Save from the 60 s SetTimer("SaveAll") loop and on disconnect
//!
//! The server calls natives on its single main thread, so every native must be quick.
mod db;
mod stats;

use std::collections::HashMap;

use mysql::prelude::*;
use mysql::{Pool, PooledConn};
use samp::prelude::*;
use samp::{initialize_plugin, native};

pub struct Bank {
    pool: Pool,
    sessions: HashMap<i32, PooledConn>,
    balances: HashMap<i32, i64>,
}

impl SampPlugin for Bank {
    fn on_load(&mut self) {
        println!("[bank] plugin loaded, mysql pool ready");
    }

    fn on_unload(&mut self) {
        self.sessions.clear();
        println!("[bank] plugin unloaded");
    }
}

impl Bank {
    #[native(name = "Bank_Login")]
    fn login(&mut self, _amx: &Amx, playerid: i32, account: AmxString) -> AmxResult<bool> {
        let account = account.to_string();
        let mut conn = match self.pool.get_conn() {
            Ok(conn) => conn,
            Err(err) => {
                eprintln!("[bank] login {}: no connection: {}", account, err);
                return Ok(false);
            }
        };
        let balance: Option<i64> = conn
            .exec_first(
                "SELECT balance FROM bank_accounts WHERE account = ?",
                (&account,),
            )
            .unwrap_or(None);
        self.balances.insert(playerid, balance.unwrap_or(0));
        // Keep a dedicated connection for the player's whole session so ATM
        // dialogs never wait for the pool.
        self.sessions.insert(playerid, conn);
        Ok(balance.is_some())
    }

    #[native(name = "Bank_Deposit")]
    fn deposit(&mut self, _amx: &Amx, playerid: i32, amount: i32) -> AmxResult<bool> {
        if amount <= 0 {
            return Ok(false);
        }
        let Some(conn) = self.sessions.get_mut(&playerid) else {
            return Ok(false);
        };
        let res = conn.exec_drop(
            "UPDATE bank_accounts SET balance = balance + ? WHERE player_slot = ?",
            (amount, playerid),
        );
        if res.is_err() {
            return Ok(false);
        }
        *self.balances.entry(playerid).or_insert(0) += i64::from(amount);
        Ok(true)
    }

    #[native(name = "Bank_GetBalance")]
    fn get_balance(&mut self, _amx: &Amx, playerid: i32, mut out: Ref<i32>) -> AmxResult<bool> {
        match self.balances.get(&playerid) {
            Some(balance) => {
                *out = (*balance).clamp(0, i64::from(i32::MAX)) as i32;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    #[native(name = "Bank_Logout")]
    fn logout(&mut self, _amx: &Amx, playerid: i32) -> AmxResult<bool> {
        self.balances.remove(&playerid);
        Ok(true)
    }

    #[native(name = "Stats_Save")]
    fn save_stats(
        &mut self,
        _amx: &Amx,
        playerid: i32,
        kills: i32,
        deaths: i32,
        score: i32,
    ) -> AmxResult<bool> {
        match stats::save(playerid, kills, deaths, score) {
            Ok(()) => Ok(true),
            Err(err) => {
                eprintln!("[bank] Stats_Save({}) failed: {}", playerid, err);
                Ok(false)
            }
        }
    }
}

initialize_plugin!(
    natives: [
        Bank::login,
        Bank::deposit,
        Bank::get_balance,
        Bank::logout,
        Bank::save_stats,
    ],
    {
        let pool = db::open_pool().expect("[bank] cannot open mysql pool");
        db::ensure_schema(&pool).expect("[bank] schema check failed");
        return Bank {
            pool,
            sessions: HashMap::new(),
            balances: HashMap::new(),
        };
    }
);
