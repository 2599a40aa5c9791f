use std::sync::mpsc::Receiver;

use serde::Deserialize;
use tao::event_loop::EventLoopProxy;

use crate::store::LocalStore;
use crate::{tenants, IpcRequest, UserEvent};

#[derive(Deserialize, serde::Serialize)]
struct TicketDto {
    id: String,
    title: String,
    status: String,
}

/// Worker loop: one iteration per IPC message from the web UI.
pub fn run(store: LocalStore, jobs: Receiver<IpcRequest>, ui: EventLoopProxy<UserEvent>) {
    for req in jobs {
        let js = match handle(&store, req) {
            Ok(js) => js,
            Err(e) => format!("window.fieldDesk.error({})", serde_json::to_string(&e.to_string()).unwrap()),
        };
        if ui.send_event(UserEvent::Eval(js)).is_err() {
            break; // window closed
        }
    }
}

fn handle(store: &LocalStore, req: IpcRequest) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    match req {
        IpcRequest::ListTenants => {
            let list: Vec<_> = store
                .tenants()?
                .into_iter()
                .map(|t| serde_json::json!({ "id": t.id, "name": t.name }))
                .collect();
            Ok(format!("window.fieldDesk.tenants({})", serde_json::to_string(&list)?))
        }
        IpcRequest::FetchTickets { tenant } => {
            let t = store.tenant(&tenant)?;
            let http = tenants::client_for(&t)?;
            let tickets: Vec<TicketDto> = http
                .get(format!("{}/api/tickets?assignee=me&status=open", t.base_url))
                .send()?
                .error_for_status()?
                .json()?;
            let rows: Vec<_> = tickets.iter().map(|x| (x.id.clone(), x.title.clone(), x.status.clone())).collect();
            store.save_tickets(&tenant, &rows)?;
            Ok(format!("window.fieldDesk.tickets({})", serde_json::to_string(&tickets)?))
        }
        IpcRequest::CloseTicket { tenant, ticket_id, notes } => {
            let t = store.tenant(&tenant)?;
            let http = tenants::client_for(&t)?;
            let sent = http
                .post(format!("{}/api/tickets/{}/close", t.base_url, ticket_id))
                .json(&serde_json::json!({ "notes": notes }))
                .send()
                .and_then(|r| r.error_for_status());
            if sent.is_err() {
                store.queue_close(&tenant, &ticket_id, &notes)?;
            }
            Ok("window.fieldDesk.tickets([])".into())
        }
    }
}
