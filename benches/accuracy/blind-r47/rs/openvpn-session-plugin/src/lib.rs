//! OpenVPN server plugin: verifies username/password against the SSO API
//! and keeps the live-session table in Redis for the admin dashboard.
//!
//! OpenVPN calls `openvpn_open` once at start-up, `openvpn_event` for every
//! registered event of every client, and `openvpn_close` at shutdown.

mod services;

use std::collections::HashMap;
use std::ffi::CString;

use openvpn_plugin::{openvpn_plugin, EventResult, EventType};
use redis::Commands;

use services::{BuildError, Services};

pub struct Handle {
    services: Services,
}

openvpn_plugin!(crate::openvpn_open, crate::openvpn_close, crate::openvpn_event, crate::Handle);

fn arg(args: &[CString], i: usize) -> Option<String> {
    args.get(i).map(|a| a.to_string_lossy().into_owned())
}

fn env(env: &HashMap<CString, CString>, key: &str) -> Option<String> {
    let key = CString::new(key).ok()?;
    env.get(&key).map(|v| v.to_string_lossy().into_owned())
}

fn openvpn_open(
    args: Vec<CString>,
    _env: HashMap<CString, CString>,
) -> Result<(Vec<EventType>, Handle), BuildError> {
    let redis_url = arg(&args, 1).unwrap_or_else(|| "redis://127.0.0.1:6379/3".into());
    let sso_url = arg(&args, 2).ok_or_else(|| BuildError("missing SSO verify URL argument".into()))?;
    let services = Services::build(&redis_url, &sso_url)?;
    let events = vec![
        EventType::AuthUserPassVerify,
        EventType::ClientConnectV2,
        EventType::ClientDisconnect,
    ];
    Ok((events, Handle { services }))
}

fn openvpn_close(_handle: Handle) {
    log::info!("session plugin unloading");
}

fn openvpn_event(
    event: EventType,
    _args: Vec<CString>,
    env_vars: HashMap<CString, CString>,
    handle: &mut Handle,
) -> Result<EventResult, BuildError> {
    let user = env(&env_vars, "username").or_else(|| env(&env_vars, "common_name")).unwrap_or_default();
    match event {
        EventType::AuthUserPassVerify => {
            let password = env(&env_vars, "password").unwrap_or_default();
            let resp = handle
                .services
                .sso
                .post(&handle.services.sso_verify_url)
                .send_json(serde_json::json!({ "username": user, "password": password }));
            Ok(match resp {
                Ok(r) if r.status() == 200 => EventResult::Success,
                Ok(_) => EventResult::Failure,
                Err(e) => {
                    log::warn!("sso verify failed for {user}: {e}");
                    EventResult::Failure
                }
            })
        }
        EventType::ClientConnectV2 => {
            let ip = env(&env_vars, "ifconfig_pool_remote_ip").unwrap_or_default();
            let real = env(&env_vars, "trusted_ip").unwrap_or_default();
            let mut conn = handle.services.sessions.get().map_err(|e| BuildError(e.to_string()))?;
            let _: () = conn
                .hset_multiple(format!("vpn:session:{user}"), &[("vpn_ip", ip.as_str()), ("real_ip", real.as_str())])
                .map_err(|e| BuildError(e.to_string()))?;
            Ok(EventResult::Success)
        }
        EventType::ClientDisconnect => {
            let mut conn = handle.services.sessions.get().map_err(|e| BuildError(e.to_string()))?;
            let _: () = conn.del(format!("vpn:session:{user}")).map_err(|e| BuildError(e.to_string()))?;
            Ok(EventResult::Success)
        }
        _ => Ok(EventResult::Success),
    }
}
