//! Geyser plugin loaded into the validator: indexes accounts owned by a set of
//! programs into Postgres, batching each slot into one transaction.
mod alerts;
mod slots;

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use agave_geyser_plugin_interface::geyser_plugin_interface::{
    GeyserPlugin, GeyserPluginError, ReplicaAccountInfoVersions, ReplicaTransactionInfoVersions,
    Result as PluginResult, SlotStatus,
};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::Deserialize;

type PgManager = PostgresConnectionManager<NoTls>;

#[derive(Deserialize)]
struct Config {
    database_url: String,
    #[serde(default)]
    watched_owners: Vec<String>,
}

#[derive(Default)]
pub struct IndexerPlugin {
    pool: Option<Pool<PgManager>>,
    watched_owners: Vec<String>,
    open_batches: Mutex<HashMap<u64, PooledConnection<PgManager>>>,
}

impl fmt::Debug for IndexerPlugin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IndexerPlugin").field("owners", &self.watched_owners).finish()
    }
}

fn custom<E: std::error::Error + Send + Sync + 'static>(e: E) -> GeyserPluginError {
    GeyserPluginError::Custom(Box::new(e))
}

impl GeyserPlugin for IndexerPlugin {
    fn name(&self) -> &'static str {
        "pg-account-indexer"
    }

    fn on_load(&mut self, config_file: &str, _is_reload: bool) -> PluginResult<()> {
        let raw = std::fs::read_to_string(config_file)
            .map_err(|e| GeyserPluginError::ConfigFileReadError { msg: e.to_string() })?;
        let cfg: Config = serde_json::from_str(&raw)
            .map_err(|e| GeyserPluginError::ConfigFileReadError { msg: e.to_string() })?;
        let manager = PostgresConnectionManager::new(cfg.database_url.parse().map_err(custom)?, NoTls);
        let pool = Pool::builder()
            .max_size(8)
            .build(manager)
            .map_err(custom)?;
        log::info!("indexer loaded, watching {} owners", cfg.watched_owners.len());
        self.pool = Some(pool);
        self.watched_owners = cfg.watched_owners;
        Ok(())
    }

    fn on_unload(&mut self) {
        self.open_batches.lock().unwrap().clear();
        self.pool = None;
    }

    fn update_account(
        &self,
        account: ReplicaAccountInfoVersions,
        slot: u64,
        is_startup: bool,
    ) -> PluginResult<()> {
        if is_startup {
            return Ok(());
        }
        let ReplicaAccountInfoVersions::V0_0_3(info) = account else {
            return Ok(());
        };
        let owner = bs58::encode(info.owner).into_string();
        if !self.watched_owners.iter().any(|o| o == &owner) {
            return Ok(());
        }
        let pool = self.pool.as_ref().ok_or_else(|| GeyserPluginError::AccountsUpdateError {
            msg: "plugin not loaded".into(),
        })?;

        let mut batches = self.open_batches.lock().unwrap();
        if !batches.contains_key(&slot) {
            let mut conn = pool.get().map_err(custom)?;
            conn.batch_execute("BEGIN").map_err(custom)?;
            batches.insert(slot, conn);
        }
        let conn = batches.get_mut(&slot).expect("batch opened above");
        conn.execute(
            "INSERT INTO account_updates (pubkey, owner, lamports, slot, write_version, data)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &bs58::encode(info.pubkey).into_string(),
                &owner,
                &(info.lamports as i64),
                &(slot as i64),
                &(info.write_version as i64),
                &info.data,
            ],
        )
        .map_err(custom)?;
        Ok(())
    }

    fn update_slot_status(&self, slot: u64, parent: Option<u64>, status: SlotStatus) -> PluginResult<()> {
        slots::record(slot, parent, &status).map_err(custom)?;
        if let SlotStatus::Rooted = status {
            if let Some(mut conn) = self.open_batches.lock().unwrap().remove(&slot) {
                conn.batch_execute("COMMIT").map_err(custom)?;
            }
        }
        Ok(())
    }

    fn notify_transaction(&self, transaction: ReplicaTransactionInfoVersions, slot: u64) -> PluginResult<()> {
        let ReplicaTransactionInfoVersions::V0_0_2(info) = transaction else {
            return Ok(());
        };
        if info.is_vote || info.transaction_status_meta.status.is_ok() {
            return Ok(());
        }
        let mut client = alerts::open().map_err(custom)?;
        client
            .execute(
                "INSERT INTO failed_transactions (signature, slot) VALUES ($1, $2)",
                &[&info.signature.to_string(), &(slot as i64)],
            )
            .map_err(custom)?;
        Ok(())
    }

    fn account_data_notifications_enabled(&self) -> bool {
        true
    }

    fn transaction_notifications_enabled(&self) -> bool {
        true
    }
}

#[no_mangle]
#[allow(improper_ctypes_definitions)]
/// # Safety
/// Called once by the validator's plugin manager when the library is loaded.
pub unsafe extern "C" fn _create_plugin() -> *mut dyn GeyserPlugin {
    let plugin: Box<dyn GeyserPlugin> = Box::new(IndexerPlugin::default());
    Box::into_raw(plugin)
}
