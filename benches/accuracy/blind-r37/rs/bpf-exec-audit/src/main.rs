//! Host exec auditor: an eBPF tracepoint on execve feeds a ring buffer; the
//! callback only decodes and enqueues, a writer thread persists to MySQL and
//! bumps per-binary counters in Redis.

mod writer;

mod execsnoop {
    include!(concat!(env!("OUT_DIR"), "/execsnoop.skel.rs"));
}

use std::time::Duration;

use crossbeam_channel::bounded;
use libbpf_rs::skel::{OpenSkel, Skel, SkelBuilder};
use libbpf_rs::RingBufferBuilder;

use crate::execsnoop::ExecsnoopSkelBuilder;
use crate::writer::{ExecEvent, Writer};

#[repr(C)]
#[derive(Default, Clone, Copy)]
struct RawExecEvent {
    pid: u32,
    uid: u32,
    comm: [u8; 16],
    filename: [u8; 128],
}

unsafe impl plain::Plain for RawExecEvent {}

fn cstr(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let host = std::fs::read_to_string("/etc/hostname")?.trim().to_string();
    let writer = Writer::connect(
        &std::env::var("AUDIT_MYSQL_URL")?,
        &std::env::var("AUDIT_REDIS_URL")?,
        host,
    )?;

    let (tx, rx) = bounded::<ExecEvent>(8192);
    let writer_thread = std::thread::Builder::new()
        .name("audit-writer".into())
        .spawn(move || writer.run(rx))?;

    let open_skel = ExecsnoopSkelBuilder::default().open()?;
    let mut skel = open_skel.load()?;
    skel.attach()?;

    let mut rb = RingBufferBuilder::new();
    rb.add(skel.maps().events(), move |data: &[u8]| {
        let mut raw = RawExecEvent::default();
        if plain::copy_from_bytes(&mut raw, data).is_err() {
            return 0;
        }
        let event = ExecEvent {
            pid: raw.pid,
            uid: raw.uid,
            comm: cstr(&raw.comm),
            filename: cstr(&raw.filename),
        };
        if tx.try_send(event).is_err() {
            log::warn!("audit queue full, dropping exec event");
        }
        0
    })?;
    let rb = rb.build()?;

    log::info!("exec audit running");
    while !writer_thread.is_finished() {
        rb.poll(Duration::from_millis(200))?;
    }
    Ok(())
}
