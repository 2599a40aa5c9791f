use elfo::{prelude::*, stream::Stream};
use futures::StreamExt;
use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio_stream::wrappers::LinesStream;
use tracing::warn;

use crate::protocol::*;

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Scan {
    Login { operator: String, station: u32 },
    Pick { operator: String, sku: String, qty: i32, expected: i32 },
    Logout { operator: String },
    EndShift { operator: String },
}

pub fn new() -> Blueprint {
    ActorGroup::new().exec(|mut ctx| async move {
        let lines = LinesStream::new(BufReader::new(tokio::io::stdin()).lines())
            .filter_map(|line| async move { line.ok().map(ScanLine) });
        ctx.attach(Stream::from_futures03(lines));

        while let Some(envelope) = ctx.recv().await {
            msg!(match envelope {
                ScanLine(line) => {
                    let scan: Scan = match serde_json::from_str(&line) {
                        Ok(scan) => scan,
                        Err(e) => {
                            warn!(error = %e, "unparseable scan");
                            continue;
                        }
                    };
                    let _ = match scan {
                        Scan::Login { operator, station } => {
                            ctx.send(OperatorLoggedIn { operator, station }).await
                        }
                        Scan::Pick { operator, sku, qty, expected } => {
                            ctx.send(Picked { operator, sku, qty, expected }).await
                        }
                        Scan::Logout { operator } => ctx.send(OperatorLoggedOut { operator }).await,
                        Scan::EndShift { operator } => ctx.send(ShiftEnded { operator }).await,
                    };
                }
            });
        }
    })
}
