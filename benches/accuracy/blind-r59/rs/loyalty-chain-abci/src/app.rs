use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tendermint_abci::Application;
use tendermint_proto::abci::{
    CheckTxType, RequestBeginBlock, RequestCheckTx, RequestDeliverTx, RequestInfo, RequestQuery,
    ResponseBeginBlock, ResponseCheckTx, ResponseCommit, ResponseDeliverTx, ResponseInfo,
    ResponseQuery,
};

use crate::ledger::{Ledger, Restored};
use crate::rewards::{Accrual, Rewards};

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Tx {
    Earn { partner: String, member: String, points: i64 },
    Redeem { partner: String, member: String, points: i64 },
    Transfer { from: String, to: String, points: i64 },
}

#[derive(Deserialize)]
struct Score {
    allow: bool,
}

pub struct ChainState {
    height: i64,
    app_hash: Vec<u8>,
    balances: BTreeMap<String, i64>,
    touched: Vec<String>,
    accruals: Vec<Accrual>,
}

impl ChainState {
    pub fn restore(r: Restored) -> Self {
        ChainState {
            height: r.height,
            app_hash: r.app_hash,
            balances: r.balances.into_iter().collect(),
            touched: Vec::new(),
            accruals: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct LoyaltyApp {
    pub state: Arc<Mutex<ChainState>>,
    pub ledger: Arc<Ledger>,
    pub rewards: Arc<Rewards>,
    pub screening_url: String,
}

fn decode(tx: &[u8]) -> Result<Tx, String> {
    serde_json::from_slice(tx).map_err(|e| format!("malformed tx: {e}"))
}

impl LoyaltyApp {
    /// Node-local fraud screening of member-to-member transfers (mempool only).
    fn screen_transfer(&self, from: &str, to: &str, points: i64) -> Result<bool, String> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_millis(800))
            .build()
            .map_err(|e| e.to_string())?;
        let score: Score = http
            .post(&self.screening_url)
            .json(&serde_json::json!({ "from": from, "to": to, "points": points }))
            .send()
            .and_then(|r| r.json())
            .map_err(|e| e.to_string())?;
        Ok(score.allow)
    }
}

impl Application for LoyaltyApp {
    fn info(&self, _request: RequestInfo) -> ResponseInfo {
        let state = self.state.lock().unwrap();
        ResponseInfo {
            data: "loyalty-chain".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            app_version: 1,
            last_block_height: state.height,
            last_block_app_hash: Bytes::from(state.app_hash.clone()),
        }
    }

    fn query(&self, request: RequestQuery) -> ResponseQuery {
        let member = String::from_utf8_lossy(&request.data).to_string();
        let state = self.state.lock().unwrap();
        match state.balances.get(&member) {
            Some(points) => ResponseQuery {
                value: Bytes::from(points.to_string()),
                height: state.height,
                ..Default::default()
            },
            None => ResponseQuery { code: 1, log: "unknown member".into(), ..Default::default() },
        }
    }

    fn check_tx(&self, request: RequestCheckTx) -> ResponseCheckTx {
        let reject = |code: u32, log: String| ResponseCheckTx { code, log, ..Default::default() };
        let tx = match decode(&request.tx) {
            Ok(tx) => tx,
            Err(e) => return reject(1, e),
        };
        if let Tx::Transfer { from, to, points } = &tx {
            if request.r#type == CheckTxType::New as i32 {
                match self.screen_transfer(from, to, *points) {
                    Ok(true) => {}
                    Ok(false) => return reject(3, "transfer blocked by screening".into()),
                    Err(e) => return reject(4, format!("screening unavailable: {e}")),
                }
            }
        }
        ResponseCheckTx { code: 0, gas_wanted: 1, ..Default::default() }
    }

    fn begin_block(&self, request: RequestBeginBlock) -> ResponseBeginBlock {
        if let Some(header) = request.header {
            self.state.lock().unwrap().height = header.height;
        }
        ResponseBeginBlock::default()
    }

    fn deliver_tx(&self, request: RequestDeliverTx) -> ResponseDeliverTx {
        let fail = |code: u32, log: &str| ResponseDeliverTx { code, log: log.into(), ..Default::default() };
        let tx = match decode(&request.tx) {
            Ok(tx) => tx,
            Err(e) => return fail(1, &e),
        };
        let mut state = self.state.lock().unwrap();
        match tx {
            Tx::Earn { partner, member, points } => {
                *state.balances.entry(member.clone()).or_default() += points;
                state.accruals.push(Accrual { partner, member: member.clone(), points, kind: "earn" });
                state.touched.push(member);
            }
            Tx::Redeem { partner, member, points } => {
                let balance = state.balances.entry(member.clone()).or_default();
                if *balance < points {
                    return fail(2, "insufficient points");
                }
                *balance -= points;
                state.accruals.push(Accrual { partner, member: member.clone(), points, kind: "redeem" });
                state.touched.push(member);
            }
            Tx::Transfer { from, to, points } => {
                let balance = state.balances.entry(from.clone()).or_default();
                if *balance < points {
                    return fail(2, "insufficient points");
                }
                *balance -= points;
                *state.balances.entry(to.clone()).or_default() += points;
                state.touched.extend([from, to]);
            }
        }
        ResponseDeliverTx { code: 0, gas_used: 1, ..Default::default() }
    }

    fn commit(&self) -> ResponseCommit {
        let mut state = self.state.lock().unwrap();
        let mut hasher = Sha256::new();
        for (member, points) in &state.balances {
            hasher.update(member.as_bytes());
            hasher.update(points.to_be_bytes());
        }
        state.app_hash = hasher.finalize().to_vec();

        let mut touched = std::mem::take(&mut state.touched);
        touched.sort();
        touched.dedup();
        let changed: Vec<(String, i64)> = touched
            .into_iter()
            .map(|m| (m.clone(), state.balances.get(&m).copied().unwrap_or(0)))
            .collect();
        if let Err(e) = self.ledger.flush(state.height, &state.app_hash, &changed) {
            log::error!("ledger mirror flush failed at {}: {e}", state.height);
        }
        let accruals = std::mem::take(&mut state.accruals);
        if let Err(e) = self.rewards.settle(state.height, &accruals) {
            log::error!("partner accrual failed at {}: {e}", state.height);
        }
        ResponseCommit { data: Bytes::from(state.app_hash.clone()), retain_height: 0 }
    }
}
