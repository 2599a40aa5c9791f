//! Started once by `Dispatch.Geo.Port` (a GenServer in the Phoenix app):
//!
//!   Port.open({:spawn_executable, geo_port_path()},
//!             [:binary, {:packet, 4}, :exit_status, {:env, env}])
//!
//! Every `Dispatch.Geo.reverse/2` call from a controller or LiveView sends one
//! length-prefixed JSON request on our stdin and waits for one reply on stdout.
//! The process lives as long as the GenServer; EOF on stdin means shutdown.

mod cache;
mod handlers;
mod proto;

use std::io::{self, Read, Write};

use crate::handlers::Ctx;
use crate::proto::{Reply, Request};

fn read_packet(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut buf = vec![0u8; u32::from_be_bytes(len) as usize];
    input.read_exact(&mut buf)?;
    Ok(Some(buf))
}

fn write_packet(output: &mut impl Write, body: &[u8]) -> io::Result<()> {
    output.write_all(&(body.len() as u32).to_be_bytes())?;
    output.write_all(body)?;
    output.flush()
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let ctx = Ctx::from_env()?;

    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut input = stdin.lock();
    let mut output = stdout.lock();

    while let Some(packet) = read_packet(&mut input)? {
        let reply = match serde_json::from_slice::<Request>(&packet) {
            Ok(req) => {
                let id = req.id;
                match rt.block_on(handlers::handle(&ctx, req)) {
                    Ok(body) => Reply::ok(id, body),
                    Err(e) => Reply::error(id, e.to_string()),
                }
            }
            Err(e) => Reply::error(0, format!("bad request: {e}")),
        };
        write_packet(&mut output, &serde_json::to_vec(&reply)?)?;
    }
    // Port closed by the BEAM: exit normally so :exit_status reports 0.
    Ok(())
}
