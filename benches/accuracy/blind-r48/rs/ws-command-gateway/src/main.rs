mod db;
mod plugin;
mod plugins;

use std::sync::Arc;
use std::thread;

use websocket::sync::Server;
use websocket::OwnedMessage;

use plugin::Ctx;

const PROTOCOL: &str = "ops.v1";

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let ctx = Arc::new(Ctx {
        pool: db::shared_pool()?,
        region: std::env::var("REGION").unwrap_or_else(|_| "eu-west".to_string()),
    });
    log::info!("commands: {:?}", plugin::registered());

    let bind = std::env::var("GATEWAY_BIND").unwrap_or_else(|_| "0.0.0.0:9002".to_string());
    let server = Server::bind(&bind)?;
    log::info!("ops gateway listening on {bind}");

    for request in server.filter_map(Result::ok) {
        let ctx = ctx.clone();
        thread::spawn(move || {
            if !request.protocols().contains(&PROTOCOL.to_string()) {
                let _ = request.reject();
                return;
            }
            let client = match request.use_protocol(PROTOCOL).accept() {
                Ok(client) => client,
                Err((_, err)) => {
                    log::warn!("handshake failed: {err}");
                    return;
                }
            };
            let peer = client.peer_addr().ok();
            let (mut receiver, mut sender) = match client.split() {
                Ok(halves) => halves,
                Err(err) => {
                    log::warn!("split failed: {err}");
                    return;
                }
            };

            for message in receiver.incoming_messages() {
                match message {
                    Ok(OwnedMessage::Text(text)) => {
                        let reply = plugin::dispatch(&ctx, &text);
                        if sender.send_message(&OwnedMessage::Text(reply)).is_err() {
                            break;
                        }
                    }
                    Ok(OwnedMessage::Ping(payload)) => {
                        let _ = sender.send_message(&OwnedMessage::Pong(payload));
                    }
                    Ok(OwnedMessage::Close(_)) | Err(_) => {
                        let _ = sender.send_message(&OwnedMessage::Close(None));
                        break;
                    }
                    Ok(_) => {}
                }
            }
            log::debug!("operator console {peer:?} disconnected");
        });
    }
    Ok(())
}
