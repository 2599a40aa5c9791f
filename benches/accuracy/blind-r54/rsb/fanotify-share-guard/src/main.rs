mod audit;
mod policy;
mod quarantine;

use std::os::fd::AsRawFd;
use std::path::PathBuf;

use anyhow::Result;
use nix::errno::Errno;
use nix::sys::fanotify::{
    EventFFlags, Fanotify, FanotifyResponse, InitFlags, MarkFlags, MaskFlags, Response,
};

use crate::audit::AuditLog;
use crate::policy::Policy;

fn resolve_path(fd: i32) -> PathBuf {
    std::fs::read_link(format!("/proc/self/fd/{}", fd)).unwrap_or_default()
}

fn decide(policy: &Policy, path: &PathBuf, pid: i32) -> bool {
    if quarantine::is_quarantined(path) {
        log::warn!("pid {} denied quarantined {}", pid, path.display());
        return false;
    }
    match policy.is_blocked(path, pid) {
        Ok(blocked) => !blocked,
        Err(e) => {
            // Fail open: a policy outage must not freeze every reader of the share.
            log::error!("policy lookup failed for {}: {}", path.display(), e);
            true
        }
    }
}

fn main() -> Result<()> {
    env_logger::init();
    let mount = std::env::var("GUARD_MOUNT").unwrap_or_else(|_| "/srv/share".to_string());

    let policy = Policy::connect()?;
    let audit = AuditLog::connect()?;

    let fan = Fanotify::init(
        InitFlags::FAN_CLASS_CONTENT | InitFlags::FAN_CLOEXEC,
        EventFFlags::O_RDONLY | EventFFlags::O_LARGEFILE,
    )?;
    fan.mark(
        MarkFlags::FAN_MARK_ADD | MarkFlags::FAN_MARK_MOUNT,
        MaskFlags::FAN_OPEN_PERM | MaskFlags::FAN_OPEN_EXEC_PERM,
        None,
        Some(mount.as_str()),
    )?;
    log::info!("guarding {}", mount);

    loop {
        let events = match fan.read_events() {
            Ok(events) => events,
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        };
        for event in events {
            // No fd means the kernel queue overflowed; nothing to answer.
            let Some(fd) = event.fd() else { continue };
            let path = resolve_path(fd.as_raw_fd());
            let allowed = decide(&policy, &path, event.pid());
            audit.record(&path, event.pid(), allowed);
            let response = if allowed {
                Response::FAN_ALLOW
            } else {
                Response::FAN_DENY
            };
            fan.write_response(FanotifyResponse::new(fd, response))?;
        }
    }
}
