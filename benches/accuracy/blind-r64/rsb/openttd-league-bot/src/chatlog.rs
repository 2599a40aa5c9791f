//! Public chat archive used by the moderators' web page.

use anyhow::Result;
use mysql::prelude::*;
use mysql::{Opts, Pool};

use crate::admin::Chat;

pub struct ChatLog {
    pool: Pool,
}

impl ChatLog {
    pub fn connect(url: &str) -> Result<ChatLog> {
        let pool = Pool::new(Opts::from_url(url)?)?;
        Ok(ChatLog { pool })
    }

    pub fn store(&self, chat: &Chat) -> Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO chat_log (client_id, action, message, said_at) VALUES (?, ?, ?, NOW())",
            (chat.client_id, chat.action, &chat.message),
        )?;
        Ok(())
    }
}
