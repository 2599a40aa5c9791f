mod writer;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use libbpf_rs::{ObjectBuilder, RingBufferBuilder};

#[repr(C)]
#[derive(Clone, Copy)]
struct RawExec {
    pid: u32,
    uid: u32,
    comm: [u8; 16],
    filename: [u8; 128],
}

impl Default for RawExec {
    fn default() -> Self {
        RawExec { pid: 0, uid: 0, comm: [0; 16], filename: [0; 128] }
    }
}

unsafe impl plain::Plain for RawExec {}

fn cstr(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

fn main() -> Result<()> {
    let (tx, rx) = crossbeam_channel::bounded::<writer::ExecEvent>(8192);

    // the only thread that talks to Postgres / the alert webhook
    let writer = std::thread::Builder::new()
        .name("pg-writer".into())
        .spawn(move || writer::run(rx))?;

    let mut obj = ObjectBuilder::default()
        .open_file("bpf/execsnoop.bpf.o")?
        .load()?;
    let _link = obj
        .prog_mut("handle_exec")
        .context("program handle_exec missing")?
        .attach()?;
    let events = obj.map("events").context("map events missing")?;

    let mut builder = RingBufferBuilder::new();
    builder.add(events, move |data: &[u8]| {
        let mut raw = RawExec::default();
        if plain::copy_from_bytes(&mut raw, data).is_err() {
            return 0;
        }
        let ev = writer::ExecEvent {
            pid: raw.pid as i32,
            uid: raw.uid as i32,
            comm: cstr(&raw.comm),
            filename: cstr(&raw.filename),
        };
        // never block the poll loop; the writer batches
        let _ = tx.try_send(ev);
        0
    })?;
    let ringbuf = builder.build()?;

    let running = Arc::new(AtomicBool::new(true));
    let flag = running.clone();
    ctrlc::set_handler(move || flag.store(false, Ordering::SeqCst))?;

    while running.load(Ordering::SeqCst) {
        ringbuf.poll(Duration::from_millis(250))?;
    }

    drop(ringbuf); // drops the sender, writer drains and exits
    writer.join().expect("writer thread panicked")?;
    Ok(())
}
