use std::io;

use async_trait::async_trait;
use deadpool_postgres::Pool;
use radius::core::code::Code;
use radius::core::request::Request;
use radius::core::{rfc2865, rfc2866};
use radius::server::RequestHandler;
use tokio::net::UdpSocket;

use crate::accounting::{self, AcctRow};

pub struct CampusHandler {
    users: Pool,
}

impl CampusHandler {
    pub fn new(users: Pool) -> Self {
        Self { users }
    }

    async fn authenticate(&self, user: &str, password: &[u8]) -> bool {
        let Ok(client) = self.users.get().await else { return false };
        let row = client
            .query_opt("SELECT pw_hash FROM wifi_users WHERE username = $1 AND active", &[&user])
            .await;
        match row {
            Ok(Some(row)) => {
                let hash: String = row.get(0);
                bcrypt::verify(password, &hash).unwrap_or(false)
            }
            _ => false,
        }
    }
}

#[async_trait]
impl RequestHandler<(), io::Error> for CampusHandler {
    async fn handle_radius_request(&self, conn: &UdpSocket, req: &Request) -> Result<(), io::Error> {
        let packet = req.get_packet();

        let code = match packet.get_code() {
            Code::AccessRequest => {
                let user = rfc2865::lookup_user_name(packet).and_then(Result::ok).unwrap_or_default();
                let password = rfc2865::lookup_user_password(packet).and_then(Result::ok).unwrap_or_default();
                if self.authenticate(&user, &password).await {
                    Code::AccessAccept
                } else {
                    Code::AccessReject
                }
            }
            Code::AccountingRequest => {
                let row = AcctRow {
                    session_id: rfc2866::lookup_acct_session_id(packet).and_then(Result::ok).unwrap_or_default(),
                    username: rfc2865::lookup_user_name(packet).and_then(Result::ok).unwrap_or_default(),
                    status: rfc2866::lookup_acct_status_type(packet).and_then(Result::ok).unwrap_or(0),
                    input_octets: rfc2866::lookup_acct_input_octets(packet).and_then(Result::ok).unwrap_or(0),
                    output_octets: rfc2866::lookup_acct_output_octets(packet).and_then(Result::ok).unwrap_or(0),
                    nas: req.get_remote_addr().ip().to_string(),
                };
                let sink = accounting::sink();
                if let Err(err) = accounting::store(&sink, row).await {
                    log::error!("accounting insert failed: {err}");
                }
                Code::AccountingResponse
            }
            _ => return Ok(()),
        };

        let response = packet.make_response_packet(code);
        let bytes = response
            .encode()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
        conn.send_to(&bytes, req.get_remote_addr()).await?;
        Ok(())
    }
}
