use google_sheets4::hyper_rustls::{self, HttpsConnector};
use google_sheets4::hyper_util::client::legacy::connect::HttpConnector;
use google_sheets4::hyper_util::client::legacy::Client;
use google_sheets4::hyper_util::rt::TokioExecutor;
use google_sheets4::yup_oauth2::authenticator::Authenticator;
use google_sheets4::yup_oauth2::{self, ServiceAccountAuthenticator};
use google_sheets4::Sheets;

pub type Connector = HttpsConnector<HttpConnector>;
pub type Auth = Authenticator<Connector>;
pub type Hub = Sheets<Connector>;

pub async fn service_account_auth(key_path: &str) -> anyhow::Result<Auth> {
    let key = yup_oauth2::read_service_account_key(key_path).await?;
    Ok(ServiceAccountAuthenticator::builder(key).build().await?)
}

/// Builds a Sheets hub (hyper client + TLS connector) around the given authenticator.
pub fn make_hub(auth: Auth) -> anyhow::Result<Hub> {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_native_roots()?
        .https_only()
        .enable_http1()
        .build();
    let client = Client::builder(TokioExecutor::new()).build(connector);
    Ok(Sheets::new(client, auth))
}
