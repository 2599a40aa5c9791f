//! Policy decision point running next to the DMS app workers on each node.
//! Workers keep a Unix-socket connection open and send one JSON line per
//! authorization check; we answer with one JSON line.
//!
//! Policies are authored per tenant in the policy store and cached here
//! (refreshed every minute); entity data (users, groups, documents, folders)
//! comes from the DMS database on every check so revocations apply at once.
mod db;
mod entities;
mod policies;

use std::sync::Arc;
use std::time::Duration;

use cedar_policy::{Authorizer, Context, Decision, EntityId, EntityTypeName, EntityUid, Request};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

const SOCKET: &str = "/run/dms-authz/cedar.sock";

struct Pdp {
    pool: sqlx::PgPool,
    policies: policies::Cache,
    authorizer: Authorizer,
}

#[derive(Deserialize)]
struct Check {
    tenant: String,
    user: String,
    action: String,
    document: String,
    #[serde(default)]
    context: serde_json::Value,
}

#[derive(Serialize)]
struct Answer {
    allow: bool,
    reasons: Vec<String>,
    errors: Vec<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::connect_with_retry(&std::env::var("DMS_DATABASE_URL")?).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
    let store_url = std::env::var("POLICY_STORE_URL").unwrap_or_else(|_| "https://policies.dms.internal".into());

    let cache = policies::Cache::default();
    cache.refresh(&http, &store_url).await?;
    {
        let (cache, http, store_url) = (cache.clone(), http.clone(), store_url.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                if let Err(e) = cache.refresh(&http, &store_url).await {
                    eprintln!("pdp: policy refresh failed, keeping previous sets: {e:#}");
                }
            }
        });
    }

    let pdp = Arc::new(Pdp { pool, policies: cache, authorizer: Authorizer::new() });
    let _ = std::fs::remove_file(SOCKET);
    let listener = UnixListener::bind(SOCKET)?;
    loop {
        let (stream, _) = listener.accept().await?;
        let pdp = Arc::clone(&pdp);
        tokio::spawn(async move {
            if let Err(e) = serve(pdp, stream).await {
                eprintln!("pdp: worker connection: {e:#}");
            }
        });
    }
}

async fn serve(pdp: Arc<Pdp>, stream: UnixStream) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut lines = BufReader::new(rd).lines();
    while let Some(line) = lines.next_line().await? {
        let answer = match serde_json::from_str::<Check>(&line) {
            Ok(check) => decide(&pdp, check).await.unwrap_or_else(|e| Answer {
                allow: false,
                reasons: vec![],
                errors: vec![format!("{e:#}")],
            }),
            Err(e) => Answer { allow: false, reasons: vec![], errors: vec![format!("bad request: {e}")] },
        };
        let mut out = serde_json::to_vec(&answer)?;
        out.push(b'\n');
        wr.write_all(&out).await?;
    }
    Ok(())
}

fn uid(kind: &str, id: &str) -> anyhow::Result<EntityUid> {
    Ok(EntityUid::from_type_name_and_id(kind.parse::<EntityTypeName>()?, EntityId::new(id)))
}

async fn decide(pdp: &Pdp, check: Check) -> anyhow::Result<Answer> {
    let Some(policy_set) = pdp.policies.get(&check.tenant).await else {
        anyhow::bail!("no policies for tenant {}", check.tenant);
    };
    let entities = entities::load(&pdp.pool, &check.tenant, &check.user, &check.document).await?;
    let context = match check.context {
        serde_json::Value::Null => Context::empty(),
        v => Context::from_json_value(v, None)?,
    };
    let request = Request::new(
        uid("Dms::User", &check.user)?,
        uid("Dms::Action", &check.action)?,
        uid("Dms::Document", &check.document)?,
        context,
        None,
    )?;
    let response = pdp.authorizer.is_authorized(&request, &policy_set, &entities);
    Ok(Answer {
        allow: response.decision() == Decision::Allow,
        reasons: response.diagnostics().reason().map(|p| p.to_string()).collect(),
        errors: response.diagnostics().errors().map(|e| e.to_string()).collect(),
    })
}
