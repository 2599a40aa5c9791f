use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Mutex;

use dhcproto::v4::{DhcpOption, Encodable, Encoder, Message, MessageType, Opcode};
use once_cell::sync::Lazy;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres, Row};

/// Offers made on DISCOVER, keyed by transaction id, waiting for the REQUEST.
/// The connection holds the row lock on the offered address.
static PENDING: Lazy<Mutex<HashMap<u32, (String, Ipv4Addr, PoolConnection<Postgres>)>>> =
    Lazy::new(|| Mutex::new(HashMap::new()));

pub async fn reserve_offer(pool: &PgPool, xid: u32, mac: &str) -> anyhow::Result<Option<Ipv4Addr>> {
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let row = sqlx::query(
        "SELECT host(addr) AS addr FROM lease_pool
          WHERE mac IS NULL OR mac = $1
          ORDER BY (mac = $1) DESC NULLS LAST, addr
          LIMIT 1 FOR UPDATE SKIP LOCKED",
    )
    .bind(mac)
    .fetch_optional(&mut *conn)
    .await?;

    let Some(row) = row else {
        sqlx::query("ROLLBACK").execute(&mut *conn).await?;
        return Ok(None);
    };
    let ip: Ipv4Addr = row.get::<String, _>("addr").parse()?;
    PENDING.lock().unwrap().insert(xid, (mac.to_string(), ip, conn));
    Ok(Some(ip))
}

pub async fn commit_offer(xid: u32, mac: &str) -> anyhow::Result<Option<Ipv4Addr>> {
    let pending = PENDING.lock().unwrap().remove(&xid);
    let Some((offered_mac, ip, mut conn)) = pending else {
        return Ok(None);
    };
    if offered_mac != mac {
        sqlx::query("ROLLBACK").execute(&mut *conn).await?;
        return Ok(None);
    }
    sqlx::query("UPDATE lease_pool SET mac = $1, expires_at = now() + interval '12 hours' WHERE addr = $2::inet")
        .bind(mac)
        .bind(ip.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    Ok(Some(ip))
}

pub async fn release(pool: &PgPool, mac: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE lease_pool SET mac = NULL, expires_at = NULL WHERE mac = $1")
        .bind(mac)
        .execute(pool)
        .await?;
    Ok(())
}

pub fn mac_string(chaddr: &[u8]) -> String {
    chaddr
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

pub fn reply_addr(peer: SocketAddr) -> SocketAddr {
    if peer.ip().is_unspecified() {
        SocketAddr::from((Ipv4Addr::BROADCAST, 68))
    } else {
        peer
    }
}

pub fn build_reply(
    req: &Message,
    kind: MessageType,
    yiaddr: Ipv4Addr,
    server_ip: Ipv4Addr,
) -> anyhow::Result<Vec<u8>> {
    let mut reply = Message::default();
    reply
        .set_opcode(Opcode::BootReply)
        .set_xid(req.xid())
        .set_flags(req.flags())
        .set_giaddr(req.giaddr())
        .set_yiaddr(yiaddr)
        .set_siaddr(server_ip)
        .set_chaddr(req.chaddr());
    let opts = reply.opts_mut();
    opts.insert(DhcpOption::MessageType(kind));
    opts.insert(DhcpOption::ServerIdentifier(server_ip));
    opts.insert(DhcpOption::AddressLeaseTime(12 * 3600));
    opts.insert(DhcpOption::SubnetMask(Ipv4Addr::new(255, 255, 255, 0)));

    let mut out = Vec::with_capacity(300);
    reply.encode(&mut Encoder::new(&mut out))?;
    Ok(out)
}
