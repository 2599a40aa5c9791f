use std::collections::HashMap;

use postgres::{Client, NoTls};
use raft::prelude::Entry;

use crate::cache;
use crate::command::FlagCommand;

/// In-memory state machine plus the Postgres mirror the admin UI reads.
#[derive(Default)]
pub struct FlagState {
    pub flags: HashMap<String, serde_json::Value>,
    pub applied_index: u64,
}

impl FlagState {
    pub fn apply_entry(&mut self, entry: &Entry) -> anyhow::Result<()> {
        self.applied_index = entry.index;
        if entry.data.is_empty() {
            return Ok(());
        }
        let cmd: FlagCommand = serde_json::from_slice(&entry.data)?;

        let mut mirror = Client::connect(&std::env::var("MIRROR_DSN")?, NoTls)?;
        match &cmd {
            FlagCommand::Set { key, value } => {
                self.flags.insert(key.clone(), value.clone());
                mirror.execute(
                    "INSERT INTO flags (key, value, raft_index) VALUES ($1, $2, $3)
                     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, raft_index = EXCLUDED.raft_index",
                    &[key, &value.to_string(), &(entry.index as i64)],
                )?;
            }
            FlagCommand::Delete { key } => {
                self.flags.remove(key);
                mirror.execute("DELETE FROM flags WHERE key = $1", &[key])?;
            }
        }
        cache::invalidate(cmd.key())?;
        Ok(())
    }
}
