mod directory;
mod session;

use std::{convert::TryFrom, net::SocketAddr, sync::Arc};

use futures::{SinkExt, StreamExt};
use ldap3_proto::simple::*;
use ldap3_proto::LdapCodec;
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{FramedRead, FramedWrite};

use crate::session::{LdapSession, Shared};

async fn handle_client(socket: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let (r, w) = tokio::io::split(socket);
    let mut reqs = FramedRead::new(r, LdapCodec::default());
    let mut resp = FramedWrite::new(w, LdapCodec::default());
    let mut session = LdapSession::new(shared, peer);

    while let Some(msg) = reqs.next().await {
        let server_op = match msg
            .map_err(|_| ())
            .and_then(|msg| ServerOps::try_from(msg))
        {
            Ok(op) => op,
            Err(_) => {
                let _ = resp
                    .send(DisconnectionNotice::gen(LdapResultCode::Other, "Internal Server Error"))
                    .await;
                let _ = resp.flush().await;
                return;
            }
        };

        let replies = match server_op {
            ServerOps::SimpleBind(sbr) => vec![session.do_bind(&sbr).await],
            ServerOps::Search(sr) => session.do_search(&sr).await,
            ServerOps::Whoami(wr) => vec![session.do_whoami(&wr)],
            ServerOps::Unbind(_) => return,
            _ => {
                let _ = resp
                    .send(DisconnectionNotice::gen(LdapResultCode::UnwillingToPerform, "read-only directory"))
                    .await;
                return;
            }
        };

        for reply in replies {
            if resp.send(reply).await.is_err() {
                return;
            }
        }
        if resp.flush().await.is_err() {
            return;
        }
    }
    tracing::debug!(%peer, "client disconnected");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let shared = Arc::new(Shared {
        pool: directory::make_pool()?,
        base_dn: std::env::var("LDAP_BASE_DN").unwrap_or_else(|_| "dc=corp,dc=example".into()),
    });

    let listener = TcpListener::bind("0.0.0.0:3389").await?;
    tracing::info!("ldap bridge listening on 3389");
    loop {
        let (socket, peer) = listener.accept().await?;
        tokio::spawn(handle_client(socket, peer, shared.clone()));
    }
}
