use std::str::FromStr;

use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use rusoto_core::Region;
use rusoto_s3::S3Client;
use rusoto_sqs::SqsClient;
use tokio_postgres::NoTls;

/// Everything the worker talks to. Built once in `main` and borrowed by the handler.
pub struct Clients {
    pub sqs: SqsClient,
    pub s3: S3Client,
    pub pg: Pool,
}

impl Clients {
    pub fn from_env() -> anyhow::Result<Self> {
        let region = Region::from_str(&std::env::var("AWS_REGION").unwrap_or_else(|_| "eu-west-1".into()))?;

        let mut cfg = Config::new();
        cfg.url = Some(std::env::var("DATABASE_URL")?);
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        cfg.pool = Some(PoolConfig::new(6));
        let pg = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

        Ok(Self { sqs: SqsClient::new(region.clone()), s3: S3Client::new(region), pg })
    }
}
