mod alerts;
mod intake;
mod picking;
mod protocol;

use elfo::prelude::*;
use sqlx::postgres::PgPoolOptions;

use protocol::*;

#[tokio::main]
async fn main() {
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect_lazy(&database_url)
        .expect("valid DATABASE_URL");

    let topology = elfo::Topology::empty();
    let logger = elfo::batteries::logger::init();

    let loggers = topology.local("system.loggers");
    let configurers = topology.local("system.configurers").entrypoint();

    let intake = topology.local("intake");
    let picking = topology.local("picking");
    let alerts = topology.local("alerts");

    intake.route_to(&picking, |e| {
        msg!(match e {
            OperatorLoggedIn | Picked | OperatorLoggedOut | ShiftEnded => true,
            _ => false,
        })
    });
    picking.route_to(&alerts, |e| {
        msg!(match e {
            ShortPick => true,
            _ => false,
        })
    });

    loggers.mount(logger);
    intake.mount(intake::new());
    picking.mount(picking::new(pool));
    alerts.mount(alerts::new());
    configurers.mount(elfo::batteries::configurer::from_path(&topology, "elfo.toml"));

    elfo::init::start(topology).await;
}
