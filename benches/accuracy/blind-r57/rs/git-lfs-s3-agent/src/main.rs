//! git-lfs custom transfer agent. Configured per repository:
//!
//!   git config lfs.standalonetransferagent s3agent
//!   git config lfs.customtransfer.s3agent.path git-lfs-s3-agent
//!   git config lfs.customtransfer.s3agent.concurrent true
//!
//! git-lfs starts this process (one per concurrent slot) for a push / fetch /
//! checkout, sends exactly one `init` event, then one `upload` or `download`
//! event per object, and finally `terminate`. Each line on stdin is one JSON
//! event; replies go to stdout, one JSON object per line.

mod agent;
mod audit;
mod protocol;
mod store;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::agent::Agent;
use crate::protocol::{Event, Outgoing};

async fn send(out: &mut tokio::io::Stdout, msg: &Outgoing) -> anyhow::Result<()> {
    let mut line = serde_json::to_vec(msg)?;
    line.push(b'\n');
    out.write_all(&line).await?;
    out.flush().await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut out = tokio::io::stdout();
    let mut agent: Option<Agent> = None;

    while let Some(line) = lines.next_line().await? {
        let event: Event = match serde_json::from_str(&line) {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("s3agent: unparseable event: {e}");
                continue;
            }
        };

        match event {
            Event::Init(init) => {
                // The protocol sends init once per process; a second one is a bug
                // on the caller's side, so refuse it rather than reconnecting.
                if agent.is_some() {
                    send(&mut out, &Outgoing::init_error(32, "already initialised")).await?;
                    continue;
                }
                match Agent::start(&init).await {
                    Ok(a) => {
                        agent = Some(a);
                        send(&mut out, &Outgoing::InitOk {}).await?;
                    }
                    Err(e) => {
                        send(&mut out, &Outgoing::init_error(32, &e.to_string())).await?;
                    }
                }
            }
            Event::Upload(req) | Event::Download(req) => {
                let Some(a) = agent.as_ref() else {
                    send(&mut out, &Outgoing::complete_error(&req.oid, 32, "not initialised")).await?;
                    continue;
                };
                let reply = a.transfer(&req, &mut out).await;
                send(&mut out, &reply).await?;
            }
            Event::Terminate => break,
        }
    }

    if let Some(a) = agent.take() {
        a.shutdown().await;
    }
    Ok(())
}
