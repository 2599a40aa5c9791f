//! Call detail records: a row is opened on INVITE and completed on BYE.

use std::collections::HashMap;
use std::time::Instant;

use deadpool_postgres::{Object, Pool};
use rsip::prelude::*;
use tokio::sync::Mutex;

use crate::registrar::reply;

pub struct Dialog {
    call_id: String,
    started: Instant,
    /// CDR session kept with the dialog so the BYE completes the record on the same connection.
    db: Object,
}

pub async fn on_invite(
    pool: &Pool,
    dialogs: &Mutex<HashMap<String, Dialog>>,
    req: &rsip::Request,
) -> anyhow::Result<rsip::Response> {
    let call_id = req.call_id_header()?.value().to_string();
    let caller = req.from_header()?.typed()?.uri.to_string();
    let callee = req.to_header()?.typed()?.uri.to_string();

    let db = pool.get().await?;
    db.execute(
        "INSERT INTO cdr (call_id, caller, callee, started_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (call_id) DO NOTHING",
        &[&call_id, &caller, &callee],
    )
    .await?;

    dialogs.lock().await.insert(
        call_id.clone(),
        Dialog { call_id, started: Instant::now(), db },
    );
    Ok(reply(req, 100))
}

pub async fn on_bye(
    dialogs: &Mutex<HashMap<String, Dialog>>,
    req: &rsip::Request,
) -> anyhow::Result<rsip::Response> {
    let call_id = req.call_id_header()?.value().to_string();
    let dialog = dialogs.lock().await.remove(&call_id);

    if let Some(dialog) = dialog {
        let secs = dialog.started.elapsed().as_secs() as i64;
        dialog
            .db
            .execute(
                "UPDATE cdr SET ended_at = now(), duration_s = $2 WHERE call_id = $1",
                &[&dialog.call_id, &secs],
            )
            .await?;
    }
    Ok(reply(req, 200))
}
