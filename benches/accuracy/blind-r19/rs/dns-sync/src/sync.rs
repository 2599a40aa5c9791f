use std::env;

use aws_config::BehaviorVersion;
use aws_sdk_route53::types::{
    Change, ChangeAction, ChangeBatch, ResourceRecord, ResourceRecordSet, RrType,
};
use deadpool_postgres::Pool;
use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, IndexParts};
use serde_json::json;

use crate::inventory::{self, Instance};

fn hosted_zone() -> String {
    env::var("HOSTED_ZONE_ID").unwrap_or_else(|_| "Z0INTERNALSVC".into())
}

fn fqdn_for(inst: &Instance) -> String {
    format!("{}.{}.svc.internal.", inst.id, inst.service)
}

async fn route53() -> aws_sdk_route53::Client {
    let aws = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_route53::Client::new(&aws)
}

async fn change_record(
    r53: &aws_sdk_route53::Client,
    action: ChangeAction,
    fqdn: &str,
    ip: &str,
) -> anyhow::Result<()> {
    let record = ResourceRecordSet::builder()
        .name(fqdn)
        .r#type(RrType::A)
        .ttl(30)
        .resource_records(ResourceRecord::builder().value(ip).build()?)
        .build()?;
    let batch = ChangeBatch::builder()
        .changes(Change::builder().action(action).resource_record_set(record).build()?)
        .build()?;
    r53.change_resource_record_sets()
        .hosted_zone_id(hosted_zone())
        .change_batch(batch)
        .send()
        .await?;
    Ok(())
}

/// A service instance registered or refreshed its key.
pub async fn on_put(pool: &Pool, key: &str, value: &str) -> anyhow::Result<()> {
    let inst: Instance = serde_json::from_str(value)?;
    let fqdn = fqdn_for(&inst);

    let r53 = route53().await;
    change_record(&r53, ChangeAction::Upsert, &fqdn, &inst.ip).await?;

    let es_url = env::var("CATALOG_ES_URL").unwrap_or_else(|_| "http://localhost:9200".into());
    let es = Elasticsearch::new(Transport::single_node(&es_url)?);
    es.index(IndexParts::IndexId("service-instances", &inst.id))
        .body(json!({
            "etcd_key": key,
            "service": inst.service,
            "fqdn": fqdn,
            "ip": inst.ip,
            "port": inst.port,
            "zone": inst.zone,
        }))
        .send()
        .await?
        .error_for_status_code()?;

    inventory::upsert(pool, &inst, &fqdn).await
}

/// The instance's lease expired or it deregistered.
pub async fn on_delete(pool: &Pool, key: &str) -> anyhow::Result<()> {
    let Some(instance_id) = key.rsplit('/').next().filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let Some((fqdn, ip)) = inventory::remove(pool, instance_id).await? else {
        return Ok(());
    };

    let r53 = route53().await;
    change_record(&r53, ChangeAction::Delete, &fqdn, &ip).await?;
    tracing::info!(%fqdn, "deregistered");
    Ok(())
}
