//! Hooked into Postfix with
//!   smtpd_milters = inet:127.0.0.1:7044
//!   non_smtpd_milters = inet:127.0.0.1:7044

mod policy;

use std::ffi::CString;
use std::sync::Arc;

use indymilter::{Callbacks, Config, Context, EomContext, Status};
use tokio::net::TcpListener;

use crate::policy::Policy;

#[derive(Debug, Default)]
pub struct Envelope {
    pub sender: String,
    pub recipients: Vec<String>,
}

fn address(args: &[CString]) -> String {
    args.first()
        .map(|a| a.to_string_lossy().trim_matches(|c| c == '<' || c == '>').to_ascii_lowercase())
        .unwrap_or_default()
}

async fn handle_mail(cx: &mut Context<Envelope>, args: Vec<CString>) -> Status {
    cx.data = Some(Envelope { sender: address(&args), recipients: Vec::new() });
    Status::Continue
}

async fn handle_rcpt(policy: Arc<Policy>, cx: &mut Context<Envelope>, args: Vec<CString>) -> Status {
    let Some(envelope) = cx.data.as_mut() else { return Status::Tempfail };
    let rcpt = address(&args);
    match policy.within_quota(&envelope.sender).await {
        Ok(true) => {
            envelope.recipients.push(rcpt);
            Status::Continue
        }
        Ok(false) => Status::Reject,
        Err(err) => {
            eprintln!("quota check failed for {}: {err:#}", envelope.sender);
            Status::Tempfail
        }
    }
}

async fn handle_eom(policy: Arc<Policy>, cx: &mut EomContext<Envelope>) -> Status {
    if let Some(envelope) = cx.data.take() {
        if let Err(err) = policy.record_delivery(&envelope).await {
            eprintln!("delivery log failed for {}: {err:#}", envelope.sender);
        }
    }
    Status::Continue
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = policy::connect_pg_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let redis = policy::connect_redis_with_retry(&std::env::var("REDIS_URL")?).await?;
    let policy = Arc::new(Policy::new(pool, redis));

    let rcpt_policy = Arc::clone(&policy);
    let eom_policy = Arc::clone(&policy);
    let callbacks = Callbacks::new()
        .on_mail(|cx, args| Box::pin(handle_mail(cx, args)))
        .on_rcpt(move |cx, args| Box::pin(handle_rcpt(Arc::clone(&rcpt_policy), cx, args)))
        .on_eom(move |cx| Box::pin(handle_eom(Arc::clone(&eom_policy), cx)));

    let listener = TcpListener::bind("127.0.0.1:7044").await?;
    indymilter::run(listener, callbacks, Config::default(), tokio::signal::ctrl_c()).await?;
    Ok(())
}
