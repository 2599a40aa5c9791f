//! Per-call routing logic, run once for every AGI connection Asterisk opens.

use crate::agi::AgiSession;
use crate::cdr::CdrWriter;
use crate::crm::{Account, CrmDirectory};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

pub async fn route_call(
    mut agi: AgiSession,
    crm: Arc<CrmDirectory>,
    cdr: Arc<CdrWriter>,
) -> anyhow::Result<()> {
    let caller = agi.var("callerid").to_string();
    let dnid = agi.var("dnid").to_string();
    let uniqueid = agi.var("uniqueid").to_string();

    let account = crm.lookup_by_phone(&caller).await?;
    let queue = match &account {
        Some(acc) if acc.tier == "platinum" => "vip",
        Some(_) => "support",
        None => "sales",
    };

    if let Some(acc) = &account {
        agi.set_variable("CRM_ACCOUNT", &acc.id.to_string()).await?;
        agi.set_variable("CRM_NAME", &acc.name).await?;
        if queue == "vip" {
            screen_pop(acc, &caller, &uniqueid).await;
        }
    }
    agi.set_variable("ROUTE_QUEUE", queue).await?;

    cdr.log_routed(&uniqueid, &caller, &dnid, queue, account.as_ref().map(|a| a.id))
        .await?;
    Ok(())
}

/// Tell the agent desktop which customer is about to ring through.
async fn screen_pop(acc: &Account, caller: &str, uniqueid: &str) {
    let desk = std::env::var("AGENT_DESK_URL").unwrap_or_else(|_| "http://agentdesk:8080".into());
    let client = reqwest::Client::new();
    let res = client
        .post(format!("{desk}/api/screen-pop"))
        .timeout(Duration::from_secs(2))
        .json(&json!({
            "uniqueid": uniqueid,
            "caller": caller,
            "account_id": acc.id,
            "account_name": acc.name,
        }))
        .send()
        .await;
    if let Err(e) = res {
        tracing::warn!(error = %e, "screen-pop failed");
    }
}
