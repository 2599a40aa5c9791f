use tls_parser::{
    parse_tls_extensions, parse_tls_plaintext, TlsExtension, TlsMessage, TlsMessageHandshake,
};
use tokio::net::TcpStream;

/// Peek (without consuming) the first TLS record and pull the server_name out of the ClientHello.
pub async fn peek_server_name(stream: &TcpStream) -> anyhow::Result<Option<String>> {
    let mut buf = vec![0u8; 16 * 1024];
    let n = stream.peek(&mut buf).await?;
    let (_, record) = match parse_tls_plaintext(&buf[..n]) {
        Ok(parsed) => parsed,
        Err(_) => return Ok(None),
    };
    for msg in &record.msg {
        if let TlsMessage::Handshake(TlsMessageHandshake::ClientHello(hello)) = msg {
            let Ok((_, extensions)) = parse_tls_extensions(hello.ext.unwrap_or(b"")) else {
                return Ok(None);
            };
            for ext in extensions {
                if let TlsExtension::SNI(names) = ext {
                    if let Some((_, name)) = names.first() {
                        return Ok(Some(String::from_utf8_lossy(name).to_ascii_lowercase()));
                    }
                }
            }
        }
    }
    Ok(None)
}
