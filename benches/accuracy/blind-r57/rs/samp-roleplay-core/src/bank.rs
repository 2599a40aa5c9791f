//! Bank natives, called from /balance, /deposit and the ATM dialog.

use mysql::prelude::Queryable;
use samp::native;
use samp::prelude::*;

use crate::RoleplayCore;

impl RoleplayCore {
    #[native(name = "Bank_GetBalance")]
    pub fn bank_get_balance(&mut self, _amx: &Amx, name: AmxString) -> AmxResult<i32> {
        let name = name.to_string();
        if let Some(balance) = self.dirty.get(&name) {
            return Ok(*balance as i32);
        }
        let Some(pool) = self.pool() else { return Ok(-1) };
        let mut conn = match pool.get_conn() {
            Ok(conn) => conn,
            Err(e) => {
                log::error!("Bank_GetBalance: {e}");
                return Ok(-1);
            }
        };
        let balance: Option<i64> = conn
            .exec_first("SELECT balance FROM accounts WHERE name = ?", (&name,))
            .unwrap_or(None);
        Ok(balance.unwrap_or(0) as i32)
    }

    #[native(name = "Bank_Deposit")]
    pub fn bank_deposit(&mut self, amx: &Amx, name: AmxString, amount: i32) -> AmxResult<bool> {
        if amount <= 0 {
            return Ok(false);
        }
        let name = name.to_string();
        let current = self.bank_get_balance_raw(amx, &name);
        if current < 0 {
            return Ok(false);
        }
        self.dirty.insert(name, current + i64::from(amount));
        Ok(true)
    }

    fn bank_get_balance_raw(&mut self, _amx: &Amx, name: &str) -> i64 {
        if let Some(balance) = self.dirty.get(name) {
            return *balance;
        }
        let Some(pool) = self.pool() else { return -1 };
        pool.get_conn()
            .ok()
            .and_then(|mut conn| {
                conn.exec_first::<i64, _, _>("SELECT balance FROM accounts WHERE name = ?", (name,))
                    .ok()
                    .flatten()
            })
            .unwrap_or(0)
    }
}
