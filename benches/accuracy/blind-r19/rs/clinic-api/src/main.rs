mod clients;
mod handlers;

use clients::ClientsPlugin;
use spring::{auto_config, App};
use spring_sqlx::SqlxPlugin;
use spring_web::{WebConfigurator, WebPlugin};

// Routes are collected from the #[get]/#[post] handlers in `handlers::*`
// by auto_config; components are registered by the plugins below.
#[auto_config(WebConfigurator)]
#[tokio::main]
async fn main() {
    App::new()
        .add_plugin(SqlxPlugin)
        .add_plugin(ClientsPlugin)
        .add_plugin(WebPlugin)
        .run()
        .await
}
