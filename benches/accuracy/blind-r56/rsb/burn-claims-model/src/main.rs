//! `cargo run --release -- <artifact-dir>`: nightly retrain of the claim-cost model.

mod data;
mod model;

use burn::backend::ndarray::NdArrayDevice;
use burn::backend::{Autodiff, NdArray};
use burn::data::dataloader::DataLoaderBuilder;
use burn::data::dataset::Dataset;
use burn::module::Module;
use burn::optim::AdamConfig;
use burn::record::CompactRecorder;
use burn::train::metric::LossMetric;
use burn::train::LearnerBuilder;

use data::{ClaimBatcher, ClaimDataset};
use model::CostModelConfig;

type Train = Autodiff<NdArray>;
type Valid = NdArray;

fn main() -> anyhow::Result<()> {
    let artifact_dir = std::env::args().nth(1).unwrap_or_else(|| "/srv/models/claims-cost".into());
    let db_url = std::env::var("WAREHOUSE_URL")
        .unwrap_or_else(|_| "host=warehouse.internal user=ml dbname=claims".into());
    let redis_url = std::env::var("FEATURE_STORE_URL")
        .unwrap_or_else(|_| "redis://featurestore.internal:6379/0".into());
    let device = NdArrayDevice::default();

    let train_set = ClaimDataset::split(&db_url, "train")?;
    let valid_set = ClaimDataset::split(&db_url, "valid")?;
    println!("train={} valid={}", train_set.len(), valid_set.len());

    let loader_train = DataLoaderBuilder::new(ClaimBatcher::<Train>::new(device.clone(), &redis_url))
        .batch_size(256)
        .shuffle(42)
        .num_workers(6)
        .build(train_set);
    let loader_valid = DataLoaderBuilder::new(ClaimBatcher::<Valid>::new(device.clone(), &redis_url))
        .batch_size(256)
        .num_workers(6)
        .build(valid_set);

    let learner = LearnerBuilder::new(&artifact_dir)
        .metric_train_numeric(LossMetric::new())
        .metric_valid_numeric(LossMetric::new())
        .with_file_checkpointer(CompactRecorder::new())
        .devices(vec![device.clone()])
        .num_epochs(20)
        .summary()
        .build(
            CostModelConfig::new().init::<Train>(&device),
            AdamConfig::new().init(),
            1e-3,
        );

    let trained = learner.fit(loader_train, loader_valid);
    trained.save_file(format!("{artifact_dir}/model"), &CompactRecorder::new())?;
    Ok(())
}
