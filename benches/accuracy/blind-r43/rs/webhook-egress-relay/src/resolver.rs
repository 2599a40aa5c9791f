use std::net::{IpAddr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Customers can pin the address their webhook host must resolve to (set in
/// the admin UI, stored in Redis as `egress:pin:<host>`). Unpinned hosts go
/// through the system resolver.
pub struct PinnedResolver {
    redis_url: String,
}

impl PinnedResolver {
    pub fn new(redis_url: String) -> Self {
        Self { redis_url }
    }
}

impl Resolve for PinnedResolver {
    // reqwest calls this every time it needs a new connection to a host.
    fn resolve(&self, name: Name) -> Resolving {
        let redis_url = self.redis_url.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();

            let client = redis::Client::open(redis_url)?;
            let mut conn = client.get_multiplexed_async_connection().await?;
            let pinned: Option<String> = redis::cmd("GET")
                .arg(format!("egress:pin:{host}"))
                .query_async(&mut conn)
                .await?;

            if let Some(ip) = pinned {
                let ip: IpAddr = ip.parse()?;
                let addrs: Addrs = Box::new(std::iter::once(SocketAddr::new(ip, 0)));
                return Ok(addrs);
            }

            let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let addrs: Addrs = Box::new(resolved.into_iter());
            Ok(addrs)
        })
    }
}
