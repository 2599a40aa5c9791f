use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::Arc;

use hickory_server::authority::MessageResponseBuilder;
use hickory_server::proto::op::{Header, ResponseCode};
use hickory_server::proto::rr::rdata::A;
use hickory_server::proto::rr::{LowerName, Name, RData, Record, RecordType};
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use redis::AsyncCommands;
use tokio::sync::RwLock;

use crate::pops::PopDirectory;

pub struct GeoHandler {
    pub zone: LowerName,
    pub redis_url: String,
    pub pops: PopDirectory,
    pub healthy: Arc<RwLock<HashSet<String>>>,
}

impl GeoHandler {
    /// Resolver subnet -> region, maintained by the geo-ip loader in Redis.
    async fn region_for(&self, ip: IpAddr) -> redis::RedisResult<String> {
        let client = redis::Client::open(self.redis_url.as_str())?;
        let mut con = client.get_multiplexed_async_connection().await?;
        let key = match ip {
            IpAddr::V4(v4) => {
                let o = v4.octets();
                format!("geo:v4:{}.{}.{}", o[0], o[1], o[2])
            }
            IpAddr::V6(v6) => format!("geo:v6:{:x}", v6.segments()[0]),
        };
        let region: Option<String> = con.get(&key).await?;
        Ok(region.unwrap_or_else(|| "eu-west".to_string()))
    }

    async fn answer(&self, request: &Request) -> Result<Vec<Record>, Box<dyn std::error::Error + Send + Sync>> {
        let query = request.query();
        if query.query_type() != RecordType::A || !self.zone.zone_of(query.name()) {
            return Ok(Vec::new());
        }
        let region = self.region_for(request.src().ip()).await?;
        let candidates = self.pops.in_region(&region).await?;
        let healthy = self.healthy.read().await;
        let name: Name = query.name().into();
        Ok(candidates
            .into_iter()
            .filter(|p| healthy.contains(&p.id))
            .take(2)
            .map(|p| Record::from_rdata(name.clone(), 30, RData::A(A(p.ipv4))))
            .collect())
    }
}

#[async_trait::async_trait]
impl RequestHandler for GeoHandler {
    async fn handle_request<R: ResponseHandler>(
        &self,
        request: &Request,
        mut response_handle: R,
    ) -> ResponseInfo {
        let mut header = Header::response_from_request(request.header());
        header.set_authoritative(true);
        let builder = MessageResponseBuilder::from_message_request(request);

        let records = match self.answer(request).await {
            Ok(records) => records,
            Err(e) => {
                tracing::warn!(error = %e, src = %request.src(), "geo lookup failed");
                header.set_response_code(ResponseCode::ServFail);
                let response = builder.build_no_records(header);
                return response_handle.send_response(response).await.unwrap_or_else(|_| header.into());
            }
        };

        let response = builder.build(header, records.iter(), &[], &[], &[]);
        match response_handle.send_response(response).await {
            Ok(info) => info,
            Err(e) => {
                tracing::error!(error = %e, "send failed");
                header.set_response_code(ResponseCode::ServFail);
                header.into()
            }
        }
    }
}
