use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;

use crate::pops::PopDirectory;

pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .expect("health-check client")
}

/// Background prober: refreshes the set of healthy PoP ids.
pub async fn watch(
    http: reqwest::Client,
    pops: PopDirectory,
    healthy: Arc<RwLock<HashSet<String>>>,
    every: Duration,
) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        let Ok(all) = pops.all().await else { continue };
        let mut up = HashSet::new();
        for pop in all {
            let ok = matches!(http.get(&pop.health_url).send().await, Ok(r) if r.status().is_success());
            if ok {
                up.insert(pop.id);
            }
        }
        *healthy.write().await = up;
    }
}
