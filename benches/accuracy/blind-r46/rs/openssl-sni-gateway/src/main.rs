//! TLS terminator for customer vanity domains: picks the certificate by SNI and
//! forwards the (single, line-based) status request to the tenant's upstream.

mod certs;
mod upstream;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;

use openssl::ssl::{NameType, SniError, SslAcceptor, SslMethod};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut db = certs::connect_with_retry(&std::env::var("CERT_DB_URL")?);
    let cert_map = certs::initial(&mut db)?;
    let dedicated: Vec<String> = db
        .query("SELECT slug FROM tenants WHERE plan = 'dedicated'", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    certs::spawn_refresher(db, cert_map.clone());

    let mut builder = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls_server())?;
    builder.set_certificate_chain_file("/etc/gateway/default.pem")?;
    builder.set_private_key_file("/etc/gateway/default.key", openssl::ssl::SslFiletype::PEM)?;
    let sni_map = cert_map.clone();
    builder.set_servername_callback(move |ssl, _alert| {
        let Some(name) = ssl.servername(NameType::HOST_NAME).map(str::to_owned) else {
            return Ok(());
        };
        let map = sni_map.read().unwrap();
        match map.get(&name) {
            Some(ctx) => ssl.set_ssl_context(ctx).map_err(|_| SniError::ALERT_FATAL),
            None => Ok(()),
        }
    });
    let acceptor = Arc::new(builder.build());
    let upstreams = Arc::new(upstream::Upstreams::new(dedicated));

    let listener = TcpListener::bind("0.0.0.0:8443")?;
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let (acceptor, upstreams) = (acceptor.clone(), upstreams.clone());
        std::thread::spawn(move || {
            let Ok(mut tls) = acceptor.accept(stream) else { return };
            let host = tls.ssl().servername(NameType::HOST_NAME).unwrap_or("default").to_owned();
            let mut line = String::new();
            if BufReader::new(&mut tls).read_line(&mut line).is_err() {
                return;
            }
            let agent = upstreams.for_host(&host);
            let reply = agent
                .get(&format!("http://{host}.upstream.internal/status/{}", line.trim()))
                .call()
                .ok()
                .and_then(|r| r.into_string().ok())
                .unwrap_or_else(|| "unavailable".into());
            let _ = writeln!(tls, "{reply}");
        });
    }
    Ok(())
}
