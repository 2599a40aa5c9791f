mod crd;
mod db;
mod notify;

use std::{sync::Arc, time::Duration};

use futures::StreamExt;
use kube::{
    api::{Patch, PatchParams},
    runtime::{controller::Action, watcher::Config, Controller},
    Api, Client, ResourceExt,
};
use serde_json::json;

use crate::crd::{Tenant, TenantStatus};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("kube: {0}")]
    Kube(#[from] kube::Error),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("webhook: {0}")]
    Http(#[from] reqwest::Error),
    #[error("tenant has no namespace")]
    NoNamespace,
}

pub struct Ctx {
    pub client: Client,
    pub admin_url: String,
    pub webhook_url: String,
}

async fn reconcile(tenant: Arc<Tenant>, ctx: Arc<Ctx>) -> Result<Action, Error> {
    let ns = tenant.namespace().ok_or(Error::NoNamespace)?;
    let name = tenant.name_any();
    let db_name = format!("tenant_{}", name.replace('-', "_"));

    let admin = db::connect(&ctx.admin_url).await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&db_name)
            .fetch_one(&admin)
            .await?;
    if !exists {
        sqlx::query(&format!("CREATE DATABASE \"{db_name}\" OWNER app"))
            .execute(&admin)
            .await?;
    }

    let api: Api<Tenant> = Api::namespaced(ctx.client.clone(), &ns);
    let status = TenantStatus { database: db_name.clone(), ready: true };
    api.patch_status(
        &name,
        &PatchParams::apply("tenant-operator"),
        &Patch::Merge(json!({ "status": status })),
    )
    .await?;

    if !exists {
        notify::tenant_ready(&ctx.webhook_url, &name, &db_name).await?;
    }
    Ok(Action::requeue(Duration::from_secs(300)))
}

fn error_policy(tenant: Arc<Tenant>, err: &Error, _ctx: Arc<Ctx>) -> Action {
    tracing::warn!(tenant = %tenant.name_any(), error = %err, "reconcile failed");
    Action::requeue(Duration::from_secs(15))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let client = Client::try_default().await?;
    let tenants: Api<Tenant> = Api::all(client.clone());
    let ctx = Arc::new(Ctx {
        client,
        admin_url: std::env::var("ADMIN_DATABASE_URL")?,
        webhook_url: std::env::var("PROVISIONING_WEBHOOK")?,
    });

    Controller::new(tenants, Config::default().any_semantic())
        .shutdown_on_signal()
        .run(reconcile, error_policy, ctx)
        .for_each(|res| async move {
            match res {
                Ok((obj, _)) => tracing::info!(tenant = %obj.name, "reconciled"),
                Err(e) => tracing::warn!(error = %e, "controller error"),
            }
        })
        .await;
    Ok(())
}
