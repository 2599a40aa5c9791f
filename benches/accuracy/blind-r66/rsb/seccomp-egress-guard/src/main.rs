//! The CI sandbox launcher installs a seccomp filter returning
//! SCMP_ACT_NOTIFY for connect(2), then hands the notification fd to this
//! supervisor over a Unix socket (SCM_RIGHTS) together with the project slug.
//! One thread per sandbox receives every intercepted connect() and allows it
//! only if the destination is on the project's egress allow-list.
mod audit;
mod policy;
mod sockaddr;

use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::{Arc, Mutex};

use libseccomp::{notify_id_valid, ScmpNotifReq, ScmpNotifResp, ScmpNotifRespFlags};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use sendfd::RecvWithFd;

const SOCKET_PATH: &str = "/run/egress-guard/notify.sock";

fn main() -> anyhow::Result<()> {
    let redis_url = std::env::var("EGRESS_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/3".into());
    let audit_url = std::env::var("EGRESS_AUDIT_DB")?;

    let manager = PostgresConnectionManager::new(audit_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(2).build(manager)?;
    let auditor = Arc::new(Mutex::new(audit::Auditor::new(&pool)?));

    let _ = std::fs::remove_file(SOCKET_PATH);
    let listener = UnixListener::bind(SOCKET_PATH)?;
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                eprintln!("egress-guard: accept: {e}");
                continue;
            }
        };
        let auditor = Arc::clone(&auditor);
        let redis_url = redis_url.clone();
        std::thread::spawn(move || {
            if let Err(e) = supervise(stream, &redis_url, &auditor) {
                eprintln!("egress-guard: sandbox supervisor ended: {e:#}");
            }
        });
    }
    Ok(())
}

fn supervise(stream: UnixStream, redis_url: &str, auditor: &Mutex<audit::Auditor>) -> anyhow::Result<()> {
    let mut header = [0u8; 128];
    let mut fds = [0; 1];
    let (n, nfds) = stream.recv_with_fd(&mut header, &mut fds)?;
    anyhow::ensure!(nfds == 1, "launcher did not pass a notification fd");
    let notify_fd = fds[0];
    let project = String::from_utf8_lossy(&header[..n]).trim().to_string();
    eprintln!("egress-guard: supervising sandbox for {project}");

    loop {
        let req = match ScmpNotifReq::receive(notify_fd) {
            Ok(r) => r,
            Err(_) => break, // every process in the sandbox has exited
        };
        let dest = sockaddr::read_connect_target(req.pid, req.data.args[1], req.data.args[2]);

        // The target could have changed between receive and our read of its
        // memory; only trust what we read if the notification is still live.
        if notify_id_valid(notify_fd, req.id).is_err() {
            continue;
        }

        let allowed = match &dest {
            None => true, // AF_UNIX, AF_NETLINK, ...: not network egress
            Some(addr) => policy::is_allowed(redis_url, &project, addr).unwrap_or(false),
        };
        if let Some(addr) = &dest {
            if let Err(e) = auditor.lock().unwrap().record(&project, req.pid, addr, allowed) {
                eprintln!("egress-guard: audit insert failed: {e}");
            }
        }

        let resp = if allowed {
            ScmpNotifResp::new_continue(req.id, ScmpNotifRespFlags::CONTINUE)
        } else {
            ScmpNotifResp::new_error(req.id, -libc::ECONNREFUSED, ScmpNotifRespFlags::empty())
        };
        if resp.respond(notify_fd).is_err() {
            continue; // the process was killed while we were deciding
        }
    }
    unsafe { libc::close(notify_fd) };
    Ok(())
}
