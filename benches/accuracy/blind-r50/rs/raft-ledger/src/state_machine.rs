use std::collections::BTreeMap;
use std::io::Cursor;

use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, IndexParts};
use openraft::storage::{RaftStateMachine, Snapshot};
use openraft::{
    BasicNode, Entry, EntryPayload, LogId, OptionalSend, RaftSnapshotBuilder, SnapshotMeta,
    StorageError, StorageIOError, StoredMembership,
};
use serde_json::json;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::{LedgerCommand, LedgerResponse, TypeConfig};

fn sm_err(e: impl std::error::Error + 'static) -> StorageError<u64> {
    StorageIOError::write_state_machine(&e).into()
}

pub struct LedgerStateMachine {
    last_applied: Option<LogId<u64>>,
    membership: StoredMembership<u64, BasicNode>,
    balances: BTreeMap<String, i64>,
    journal: PoolConnection<Postgres>,
    search_url: String,
    snapshot: Option<(SnapshotMeta<u64, BasicNode>, Vec<u8>)>,
}

impl LedgerStateMachine {
    pub async fn new(pool: PgPool, search_url: String) -> anyhow::Result<Self> {
        // one dedicated connection so journal inserts stay in apply order
        let journal = pool.acquire().await?;
        let membership = StoredMembership::default();
        Ok(Self { last_applied: None, membership, balances: BTreeMap::new(), journal, search_url, snapshot: None })
    }

    fn apply_command(&mut self, cmd: &LedgerCommand) -> LedgerResponse {
        let (account, delta) = match cmd {
            LedgerCommand::Credit { account, amount_cents, .. } => (account, *amount_cents),
            LedgerCommand::Debit { account, amount_cents, .. } => (account, -*amount_cents),
        };
        let balance = self.balances.entry(account.clone()).or_insert(0);
        if *balance + delta < 0 {
            return LedgerResponse { balance_cents: Some(*balance), rejected: true };
        }
        *balance += delta;
        LedgerResponse { balance_cents: Some(*balance), rejected: false }
    }
}

pub struct LedgerSnapshotBuilder {
    last_applied: Option<LogId<u64>>,
    membership: StoredMembership<u64, BasicNode>,
    data: Vec<u8>,
}

impl RaftSnapshotBuilder<TypeConfig> for LedgerSnapshotBuilder {
    async fn build_snapshot(&mut self) -> Result<Snapshot<TypeConfig>, StorageError<u64>> {
        let snapshot_id = format!("ledger-{}", self.last_applied.map(|l| l.index).unwrap_or(0));
        let meta = SnapshotMeta {
            last_log_id: self.last_applied,
            last_membership: self.membership.clone(),
            snapshot_id,
        };
        Ok(Snapshot { meta, snapshot: Box::new(Cursor::new(self.data.clone())) })
    }
}

impl RaftStateMachine<TypeConfig> for LedgerStateMachine {
    type SnapshotBuilder = LedgerSnapshotBuilder;

    async fn applied_state(
        &mut self,
    ) -> Result<(Option<LogId<u64>>, StoredMembership<u64, BasicNode>), StorageError<u64>> {
        Ok((self.last_applied, self.membership.clone()))
    }

    async fn apply<I>(&mut self, entries: I) -> Result<Vec<LedgerResponse>, StorageError<u64>>
    where
        I: IntoIterator<Item = Entry<TypeConfig>> + OptionalSend,
        I::IntoIter: OptionalSend,
    {
        let search = Elasticsearch::new(Transport::single_node(&self.search_url).map_err(sm_err)?);
        let mut responses = Vec::new();

        for entry in entries {
            self.last_applied = Some(entry.log_id);
            match entry.payload {
                EntryPayload::Blank => responses.push(LedgerResponse::default()),
                EntryPayload::Membership(m) => {
                    self.membership = StoredMembership::new(Some(entry.log_id), m);
                    responses.push(LedgerResponse::default());
                }
                EntryPayload::Normal(cmd) => {
                    let resp = self.apply_command(&cmd);
                    let (account, amount, reference) = match &cmd {
                        LedgerCommand::Credit { account, amount_cents, reference } => (account, *amount_cents, reference),
                        LedgerCommand::Debit { account, amount_cents, reference } => (account, -*amount_cents, reference),
                    };
                    sqlx::query(
                        "INSERT INTO ledger_journal (log_index, account, amount_cents, reference, rejected) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (log_index) DO NOTHING",
                    )
                    .bind(entry.log_id.index as i64)
                    .bind(account)
                    .bind(amount)
                    .bind(reference)
                    .bind(resp.rejected)
                    .execute(&mut *self.journal)
                    .await
                    .map_err(sm_err)?;

                    search
                        .index(IndexParts::IndexId("ledger-postings", &entry.log_id.index.to_string()))
                        .body(json!({ "account": account, "amount_cents": amount, "reference": reference }))
                        .send()
                        .await
                        .map_err(sm_err)?;
                    responses.push(resp);
                }
            }
        }
        Ok(responses)
    }

    async fn get_snapshot_builder(&mut self) -> Self::SnapshotBuilder {
        LedgerSnapshotBuilder {
            last_applied: self.last_applied,
            membership: self.membership.clone(),
            data: serde_json::to_vec(&self.balances).unwrap_or_default(),
        }
    }

    async fn begin_receiving_snapshot(&mut self) -> Result<Box<Cursor<Vec<u8>>>, StorageError<u64>> {
        Ok(Box::new(Cursor::new(Vec::new())))
    }

    async fn install_snapshot(
        &mut self,
        meta: &SnapshotMeta<u64, BasicNode>,
        snapshot: Box<Cursor<Vec<u8>>>,
    ) -> Result<(), StorageError<u64>> {
        let data = snapshot.into_inner();
        self.balances = serde_json::from_slice(&data).map_err(sm_err)?;
        self.last_applied = meta.last_log_id;
        self.membership = meta.last_membership.clone();
        self.snapshot = Some((meta.clone(), data));
        Ok(())
    }

    async fn get_current_snapshot(&mut self) -> Result<Option<Snapshot<TypeConfig>>, StorageError<u64>> {
        Ok(self.snapshot.as_ref().map(|(meta, data)| Snapshot {
            meta: meta.clone(),
            snapshot: Box::new(Cursor::new(data.clone())),
        }))
    }
}
