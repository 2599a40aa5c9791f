//! `plugin add ~/.cargo/bin/nu_plugin_crm` — Nushell keeps this process alive
//! between calls, so every `crm ...` command runs inside the same process.
mod commands;
mod history;

use mongodb::sync::Client;
use nu_plugin::{serve_plugin, MsgPackSerializer, Plugin, PluginCommand};

pub struct CrmPlugin {
    pub mongo: Client,
}

impl CrmPlugin {
    fn new() -> Self {
        let uri = std::env::var("CRM_MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
        let mongo = Client::with_uri_str(&uri).expect("invalid CRM_MONGO_URI");
        CrmPlugin { mongo }
    }
}

impl Plugin for CrmPlugin {
    fn version(&self) -> String {
        env!("CARGO_PKG_VERSION").into()
    }

    fn commands(&self) -> Vec<Box<dyn PluginCommand<Plugin = Self>>> {
        vec![
            Box::new(commands::Customers),
            Box::new(commands::Tickets),
            Box::new(commands::Touch),
        ]
    }
}

fn main() {
    serve_plugin(&CrmPlugin::new(), MsgPackSerializer)
}
