use dbus::blocking::Connection;
use dbus_crossroads::Crossroads;

mod audit;
mod db;
mod service;

const BUS_NAME: &str = "com.acme.KioskInventory1";

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = db::make_pool()?;

    let conn = Connection::new_system()?;
    conn.request_name(BUS_NAME, false, true, false)?;

    let mut cr = Crossroads::new();
    let token = service::register(&mut cr);
    cr.insert("/com/acme/KioskInventory1", &[token], service::Inventory::new(pool));

    log::info!("serving {BUS_NAME} on the system bus");
    // Blocks forever, dispatching one method handler per incoming D-Bus call.
    cr.serve(&conn)?;
    Ok(())
}
