use mongodb::options::{ClientOptions, ReadPreference, SelectionCriteria};
use mongodb::Client;

/// Client for the reporting replica set; reads go to secondaries.
pub async fn client() -> mongodb::error::Result<Client> {
    let uri = std::env::var("MONGO_REPORTS_URI")
        .unwrap_or_else(|_| "mongodb://reports.internal:27017/?replicaSet=rs0".into());
    let mut opts = ClientOptions::parse(&uri).await?;
    opts.selection_criteria = Some(SelectionCriteria::ReadPreference(
        ReadPreference::SecondaryPreferred {
            options: Default::default(),
        },
    ));
    Client::with_options(opts)
}
