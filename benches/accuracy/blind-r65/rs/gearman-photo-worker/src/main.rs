mod gearman;
mod job;

use std::env;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use gearman::*;

const FUNCTION: &[u8] = b"resize_listing_photo";

fn main() -> Result<()> {
    let server = env::var("GEARMAN_SERVER").unwrap_or_else(|_| "127.0.0.1:4730".into());
    let mysql_url = env::var("MYSQL_URL").context("MYSQL_URL")?;
    let media_root = PathBuf::from(env::var("MEDIA_ROOT").unwrap_or_else(|_| "/srv/media".into()));

    let pool = mysql::Pool::new(mysql_url.as_str())?;
    let mut worker = job::PhotoWorker::new(&pool, media_root)?;

    let mut conn = Connection::connect(&server)?;
    let client_id = format!("photo-worker-{}", std::process::id());
    conn.send(SET_CLIENT_ID, &[client_id.as_bytes()])?;
    conn.send(CAN_DO, &[FUNCTION])?;
    eprintln!("registered {} with {server}", String::from_utf8_lossy(FUNCTION));

    loop {
        conn.send(GRAB_JOB_UNIQ, &[])?;
        let packet = conn.recv()?;
        match packet.kind {
            NO_JOB => {
                // sleep until gearmand wakes us with NOOP
                conn.send(PRE_SLEEP, &[])?;
                while conn.recv()?.kind != NOOP {}
            }
            JOB_ASSIGN_UNIQ => {
                let args = packet.args(4); // handle, function, unique id, workload
                if args.len() != 4 {
                    bail!("malformed JOB_ASSIGN_UNIQ");
                }
                let handle = args[0].to_vec();
                match worker.run(args[3]) {
                    Ok(result) => conn.send(WORK_COMPLETE, &[&handle, result.as_bytes()])?,
                    Err(e) => {
                        eprintln!("job {} failed: {e:#}", String::from_utf8_lossy(&handle));
                        conn.send(WORK_FAIL, &[&handle])?;
                    }
                }
            }
            NOOP => {}
            other => bail!("unexpected packet type {other} from gearmand"),
        }
    }
}
