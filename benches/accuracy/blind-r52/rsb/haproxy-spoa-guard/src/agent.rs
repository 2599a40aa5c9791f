use std::collections::HashMap;
use std::sync::Arc;

use anyhow::{bail, ensure};
use bytes::{Buf, BufMut, Bytes, BytesMut};
use tokio::net::TcpStream;

use crate::spop::{self, Value};
use crate::Services;

const SCOPE_TRANSACTION: u8 = 2;
const ACTION_SET_VAR: u8 = 1;

struct Message {
    name: String,
    args: HashMap<String, Value>,
}

struct Verdict {
    label: &'static str,
    score: u64,
}

fn parse_kv(buf: &mut Bytes, count: Option<usize>) -> anyhow::Result<HashMap<String, Value>> {
    let mut kv = HashMap::new();
    while buf.has_remaining() && count.map_or(true, |n| kv.len() < n) {
        let name = spop::get_string(buf)?;
        let value = spop::get_value(buf)?;
        kv.insert(name, value);
    }
    Ok(kv)
}

fn parse_messages(mut payload: Bytes) -> anyhow::Result<Vec<Message>> {
    let mut messages = Vec::new();
    while payload.has_remaining() {
        let name = spop::get_string(&mut payload)?;
        ensure!(payload.has_remaining(), "missing NB-ARGS");
        let nb_args = payload.get_u8() as usize;
        let args = parse_kv(&mut payload, Some(nb_args))?;
        messages.push(Message { name, args });
    }
    Ok(messages)
}

fn set_var(actions: &mut BytesMut, name: &str, value: Value) {
    actions.put_u8(ACTION_SET_VAR);
    actions.put_u8(3);
    actions.put_u8(SCOPE_TRANSACTION);
    spop::put_string(actions, name);
    spop::put_value(actions, &value);
}

async fn decide(services: &Services, msg: &Message) -> Verdict {
    let Some(Value::Ip(ip)) = msg.args.get("ip") else {
        return Verdict { label: "allow", score: 0 };
    };
    let host = match msg.args.get("host") {
        Some(Value::Str(h)) => h.as_str(),
        _ => "-",
    };

    match services.limiter.hit(&format!("{host}|{ip}")).await {
        Ok(count) if count > services.limiter.limit() => {
            return Verdict { label: "throttle", score: count };
        }
        Ok(_) => {}
        Err(e) => log::warn!("rate limiter unavailable, failing open: {e:#}"),
    }

    match services.reputation.score(*ip).await {
        Ok(score) if score >= 80 => Verdict { label: "deny", score: score as u64 },
        Ok(score) => Verdict { label: "allow", score: score as u64 },
        Err(e) => {
            log::warn!("reputation lookup for {ip} failed: {e:#}");
            Verdict { label: "allow", score: 0 }
        }
    }
}

/// One HAProxy -> agent connection: HELLO handshake, then NOTIFY/ACK until DISCONNECT.
pub async fn serve(mut stream: TcpStream, services: Arc<Services>) -> anyhow::Result<()> {
    let hello = spop::read_frame(&mut stream).await?;
    ensure!(hello.kind == spop::HAPROXY_HELLO, "expected HAPROXY-HELLO, got {}", hello.kind);
    let mut hello_payload = hello.payload;
    let kv = parse_kv(&mut hello_payload, None)?;
    let healthcheck = matches!(kv.get("healthcheck"), Some(Value::Bool(true)));

    let mut reply = BytesMut::new();
    spop::put_string(&mut reply, "version");
    spop::put_value(&mut reply, &Value::Str("2.0".into()));
    spop::put_string(&mut reply, "max-frame-size");
    spop::put_value(&mut reply, &Value::Uint(spop::MAX_FRAME_SIZE as u64));
    spop::put_string(&mut reply, "capabilities");
    spop::put_value(&mut reply, &Value::Str(String::new()));
    spop::write_frame(&mut stream, spop::AGENT_HELLO, 0, 0, &reply).await?;
    if healthcheck {
        return Ok(());
    }

    loop {
        let frame = spop::read_frame(&mut stream).await?;
        match frame.kind {
            spop::NOTIFY => {
                let mut actions = BytesMut::new();
                for msg in parse_messages(frame.payload)? {
                    if msg.name != "check-client" {
                        continue;
                    }
                    let verdict = decide(&services, &msg).await;
                    set_var(&mut actions, "verdict", Value::Str(verdict.label.to_string()));
                    set_var(&mut actions, "score", Value::Uint(verdict.score));
                }
                spop::write_frame(&mut stream, spop::ACK, frame.stream_id, frame.frame_id, &actions)
                    .await?;
            }
            spop::HAPROXY_DISCONNECT => {
                let mut bye = BytesMut::new();
                spop::put_string(&mut bye, "status-code");
                spop::put_value(&mut bye, &Value::Uint(0));
                spop::put_string(&mut bye, "message");
                spop::put_value(&mut bye, &Value::Str("normal".into()));
                spop::write_frame(&mut stream, spop::AGENT_DISCONNECT, 0, 0, &bye).await?;
                return Ok(());
            }
            other => bail!("unexpected frame type {other} (flags {:#x})", frame.flags),
        }
    }
}
