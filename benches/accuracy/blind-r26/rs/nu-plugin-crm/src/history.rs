//! Every command invocation is appended to the CRM's activity log.
use std::sync::LazyLock;

use mongodb::bson::{doc, DateTime};
use mongodb::sync::Client;

static HISTORY: LazyLock<Client> = LazyLock::new(|| {
    let uri = std::env::var("CRM_MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
    Client::with_uri_str(&uri).expect("history client")
});

pub fn log(command: &str, subject: &str) {
    let coll = HISTORY.database("crm").collection::<mongodb::bson::Document>("activity");
    let _ = coll
        .insert_one(doc! { "command": command, "subject": subject, "at": DateTime::now() })
        .run();
}
