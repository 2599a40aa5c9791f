use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use surrealdb::engine::remote::ws::{Client, Ws};
use surrealdb::opt::auth::Root;
use surrealdb::Surreal;

/// The one SurrealDB handle for the process; connected once by `init`.
pub static DB: LazyLock<Surreal<Client>> = LazyLock::new(Surreal::init);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub cmd: String,
    pub state: String,
}

pub async fn init(addr: &str, user: &str, pass: &str) -> surrealdb::Result<()> {
    DB.connect::<Ws>(addr).await?;
    DB.signin(Root { username: user, password: pass }).await?;
    DB.use_ns("agent").use_db("jobs").await?;
    Ok(())
}

pub async fn enqueue(id: &str, cmd: &str) -> surrealdb::Result<Option<Job>> {
    DB.create(("job", id.to_owned()))
        .content(Job { cmd: cmd.to_owned(), state: "queued".into() })
        .await
}

pub async fn status(id: &str) -> surrealdb::Result<Option<Job>> {
    DB.select(("job", id.to_owned())).await
}
