//! Lazily-loaded claims dataset. Rows are fetched on demand by the burn
//! DataLoader workers, so the full warehouse never has to fit in memory.

use burn::data::dataloader::batcher::Batcher;
use burn::data::dataset::Dataset;
use burn::tensor::backend::Backend;
use burn::tensor::{Tensor, TensorData};
use postgres::{Client, NoTls};
use redis::Commands;

pub const FEATURES: usize = 8;

#[derive(Clone, Debug)]
pub struct ClaimItem {
    pub provider_id: i64,
    pub features: [f32; FEATURES - 1],
    pub cost: f32,
}

pub struct ClaimDataset {
    db_url: String,
    ids: Vec<i64>,
}

impl ClaimDataset {
    /// Reads the id list for one split once, when the training run starts.
    pub fn split(db_url: &str, split: &str) -> Result<Self, postgres::Error> {
        let mut client = Client::connect(db_url, NoTls)?;
        let ids = client
            .query(
                "SELECT claim_id FROM ml.claim_splits WHERE split = $1 ORDER BY claim_id",
                &[&split],
            )?
            .iter()
            .map(|r| r.get::<_, i64>(0))
            .collect();
        client.close()?;
        Ok(ClaimDataset { db_url: db_url.to_string(), ids })
    }
}

impl Dataset<ClaimItem> for ClaimDataset {
    fn get(&self, index: usize) -> Option<ClaimItem> {
        let id = *self.ids.get(index)?;
        let mut client = Client::connect(&self.db_url, NoTls).ok()?;
        let row = client
            .query_opt(
                "SELECT provider_id, age, los_days, n_procedures, n_diagnoses,
                        is_emergency, is_inpatient, prior_claims_12m, total_cost
                 FROM ml.claim_features WHERE claim_id = $1",
                &[&id],
            )
            .ok()??;
        let mut features = [0f32; FEATURES - 1];
        for (i, f) in features.iter_mut().enumerate() {
            *f = row.get::<_, f64>(i + 1) as f32;
        }
        Some(ClaimItem {
            provider_id: row.get(0),
            features,
            cost: row.get::<_, f64>(8) as f32,
        })
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

#[derive(Clone, Debug)]
pub struct ClaimBatch<B: Backend> {
    pub features: Tensor<B, 2>,
    pub targets: Tensor<B, 2>,
}

#[derive(Clone)]
pub struct ClaimBatcher<B: Backend> {
    device: B::Device,
    redis_url: String,
}

impl<B: Backend> ClaimBatcher<B> {
    pub fn new(device: B::Device, redis_url: &str) -> Self {
        ClaimBatcher { device, redis_url: redis_url.to_string() }
    }
}

impl<B: Backend> Batcher<ClaimItem, ClaimBatch<B>> for ClaimBatcher<B> {
    fn batch(&self, items: Vec<ClaimItem>) -> ClaimBatch<B> {
        // provider risk score lives in the online feature store
        let keys: Vec<String> = items.iter().map(|i| format!("fs:provider_risk:{}", i.provider_id)).collect();
        let scores: Vec<Option<f32>> = redis::Client::open(self.redis_url.as_str())
            .and_then(|c| c.get_connection())
            .and_then(|mut con| con.mget(&keys))
            .unwrap_or_else(|_| vec![None; items.len()]);

        let n = items.len();
        let mut flat = Vec::with_capacity(n * FEATURES);
        let mut targets = Vec::with_capacity(n);
        for (item, score) in items.iter().zip(scores) {
            flat.extend_from_slice(&item.features);
            flat.push(score.unwrap_or(0.5));
            targets.push(item.cost.ln_1p());
        }

        ClaimBatch {
            features: Tensor::from_data(TensorData::new(flat, [n, FEATURES]), &self.device),
            targets: Tensor::from_data(TensorData::new(targets, [n, 1]), &self.device),
        }
    }
}
