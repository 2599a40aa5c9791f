use argon2::{Argon2, PasswordHash, PasswordVerifier};
use deadpool_postgres::Pool;
use redis::AsyncCommands;

const AUTHEN_PASS: u8 = 0x01;
const AUTHEN_FAIL: u8 = 0x02;
const AUTHEN_ERROR: u8 = 0x07;
const ACCT_SUCCESS: u8 = 0x01;
const MAX_FAILURES: i64 = 5;

fn authen_reply(status: u8, msg: &str) -> Vec<u8> {
    let mut out = vec![status, 0];
    out.extend_from_slice(&(msg.len() as u16).to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(msg.as_bytes());
    out
}

/// Authentication START with authen_type PAP (user and password in one packet).
pub async fn authenticate(
    pool: &Pool,
    redis: &mut redis::aio::ConnectionManager,
    peer: &str,
    body: &[u8],
) -> anyhow::Result<Vec<u8>> {
    if body.len() < 8 || body[2] != 0x02 {
        return Ok(authen_reply(AUTHEN_ERROR, "only PAP is supported"));
    }
    let (user_len, port_len, rem_len, data_len) = (body[4] as usize, body[5] as usize, body[6] as usize, body[7] as usize);
    let mut off = 8;
    let user = String::from_utf8_lossy(body.get(off..off + user_len).unwrap_or_default()).into_owned();
    off += user_len + port_len + rem_len;
    let password = body.get(off..off + data_len).unwrap_or_default().to_vec();

    let fail_key = format!("tacacs:fail:{user}");
    let failures: Option<i64> = redis.get(&fail_key).await?;
    if failures.unwrap_or(0) >= MAX_FAILURES {
        return Ok(authen_reply(AUTHEN_FAIL, "account temporarily locked"));
    }

    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT password_hash FROM network_users WHERE username = $1 AND enabled",
            &[&user],
        )
        .await?;
    let Some(row) = row else {
        return Ok(authen_reply(AUTHEN_FAIL, "login incorrect"));
    };
    let hash: String = row.get(0);

    let ok = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(&password, &parsed).is_ok())
            .unwrap_or(false)
    })
    .await?;

    if ok {
        let _: () = redis.del(&fail_key).await?;
        tracing::info!(%user, %peer, "login accepted");
        Ok(authen_reply(AUTHEN_PASS, ""))
    } else {
        let _: i64 = redis.incr(&fail_key, 1).await?;
        let _: () = redis.expire(&fail_key, 900).await?;
        tracing::warn!(%user, %peer, "login rejected");
        Ok(authen_reply(AUTHEN_FAIL, "login incorrect"))
    }
}

/// Accounting REQUEST: store start/stop/watchdog records with their AV pairs.
pub async fn account(pool: &Pool, peer: &str, body: &[u8]) -> anyhow::Result<Vec<u8>> {
    anyhow::ensure!(body.len() >= 9, "short accounting body");
    let flags = body[0];
    let (user_len, port_len, rem_len, arg_cnt) = (body[5] as usize, body[6] as usize, body[7] as usize, body[8] as usize);
    let arg_lens: Vec<usize> = body.get(9..9 + arg_cnt).unwrap_or_default().iter().map(|l| *l as usize).collect();
    let mut off = 9 + arg_cnt;
    let mut field = |len: usize| {
        let s = String::from_utf8_lossy(body.get(off..off + len).unwrap_or_default()).into_owned();
        off += len;
        s
    };
    let user = field(user_len);
    let port = field(port_len);
    let rem_addr = field(rem_len);
    let args: Vec<String> = arg_lens.into_iter().map(&mut field).collect();

    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO tacacs_accounting (device, username, port, rem_addr, flags, av_pairs, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6, now())",
            &[&peer, &user, &port, &rem_addr, &(flags as i16), &args],
        )
        .await?;

    let mut reply = Vec::with_capacity(5);
    reply.extend_from_slice(&0u16.to_be_bytes()); // server_msg_len
    reply.extend_from_slice(&0u16.to_be_bytes()); // data_len
    reply.push(ACCT_SUCCESS);
    Ok(reply)
}
