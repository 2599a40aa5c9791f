use worker::postgres_tls::PassthroughTls;
use worker::{console_error, Env, Error, Result, SecureTransport, Socket};

/// Opens a Postgres connection through the Hyperdrive binding.
///
/// Hyperdrive keeps the real connection pool next to the database; from the
/// Worker we open one lightweight connection to it per invocation, which is
/// the pattern Cloudflare documents for Hyperdrive.
pub async fn connect(env: &Env) -> Result<tokio_postgres::Client> {
    let hyperdrive = env.hyperdrive("ORDERS_DB")?;
    let config = hyperdrive
        .connection_string()
        .parse::<tokio_postgres::Config>()
        .map_err(pg_err)?;
    let socket = Socket::builder()
        .secure_transport(SecureTransport::StartTls)
        .connect(hyperdrive.host(), hyperdrive.port())?;
    let (client, connection) = config
        .connect_raw(socket, PassthroughTls)
        .await
        .map_err(pg_err)?;

    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = connection.await {
            console_error!("hyperdrive connection error: {e}");
        }
    });

    Ok(client)
}

pub fn pg_err(e: tokio_postgres::Error) -> Error {
    Error::RustError(format!("postgres: {e}"))
}
