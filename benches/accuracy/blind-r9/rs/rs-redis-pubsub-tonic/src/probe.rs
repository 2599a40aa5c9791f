use std::time::Duration;

use sqlx::SqlitePool;
use tonic::transport::Channel;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// Holds the long-lived handles; one instance is built in `main`.
pub struct Prober {
    pub channel: Channel,
    pub db: SqlitePool,
}

impl Prober {
    /// Called for every "probe" message. `HealthClient::new` just wraps a clone of
    /// the shared tonic Channel (cheap, same HTTP/2 connection), nothing is dialled here.
    pub async fn probe(&self, service: &str) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
        let mut health = HealthClient::new(self.channel.clone());
        let mut req = tonic::Request::new(HealthCheckRequest { service: service.to_string() });
        req.set_timeout(Duration::from_secs(2));
        let status = health.check(req).await?.into_inner().status;
        let serving = status == ServingStatus::Serving as i32;

        sqlx::query("INSERT INTO probes (service, serving, at) VALUES (?1, ?2, datetime('now'))")
            .bind(service)
            .bind(serving)
            .execute(&self.db)
            .await?;
        Ok(serving)
    }
}
