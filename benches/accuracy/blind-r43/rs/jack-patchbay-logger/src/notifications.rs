use std::sync::Mutex;

use crossbeam_channel::Sender;
use jack::{Client, Control, NotificationHandler, PortId};
use postgres::NoTls;

use crate::store::{ClientEvent, PgConn};

pub struct PatchbayLogger {
    pub room: String,
    pub dsn: String,
    pub patch_conn: Mutex<PgConn>,
    pub client_events: Sender<ClientEvent>,
}

fn port_name(client: &Client, id: PortId) -> String {
    client
        .port_by_id(id)
        .and_then(|port| port.name().ok())
        .unwrap_or_else(|| format!("port#{id}"))
}

// All callbacks run on JACK's notification thread, once per server event.
impl NotificationHandler for PatchbayLogger {
    fn client_registration(&mut self, _: &Client, name: &str, is_registered: bool) {
        let event = if is_registered {
            ClientEvent::Registered(name.to_owned())
        } else {
            ClientEvent::Unregistered(name.to_owned())
        };
        let _ = self.client_events.send(event);
    }

    fn ports_connected(
        &mut self,
        client: &Client,
        port_id_a: PortId,
        port_id_b: PortId,
        are_connected: bool,
    ) {
        let source = port_name(client, port_id_a);
        let dest = port_name(client, port_id_b);
        let mut conn = match self.patch_conn.lock() {
            Ok(conn) => conn,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Err(e) = conn.execute(
            "INSERT INTO patch_events (room, source, dest, connected, at) VALUES ($1, $2, $3, $4, now())",
            &[&self.room, &source, &dest, &are_connected],
        ) {
            log::warn!("patch event {source} -> {dest} not stored: {e}");
        }
    }

    fn xrun(&mut self, client: &Client) -> Control {
        let load = f64::from(client.cpu_load());
        match postgres::Client::connect(&self.dsn, NoTls) {
            Ok(mut db) => {
                if let Err(e) = db.execute(
                    "INSERT INTO xruns (room, cpu_load, at) VALUES ($1, $2, now())",
                    &[&self.room, &load],
                ) {
                    log::warn!("xrun not stored: {e}");
                }
            }
            Err(e) => log::warn!("xrun not recorded, database unreachable: {e}"),
        }
        Control::Continue
    }
}
