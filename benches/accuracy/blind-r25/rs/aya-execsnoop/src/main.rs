use std::sync::Arc;

use aya::maps::AsyncPerfEventArray;
use aya::programs::TracePoint;
use aya::util::online_cpus;
use aya::{include_bytes_aligned, Ebpf};
use bytes::BytesMut;
use log::{info, warn};

mod alerts;
mod sink;

/// Must match `ExecEvent` in the eBPF crate (execsnoop-ebpf).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ExecEvent {
    pub pid: u32,
    pub ppid: u32,
    pub uid: u32,
    pub comm: [u8; 16],
    pub filename: [u8; 256],
}

impl ExecEvent {
    pub fn comm(&self) -> String {
        cstr(&self.comm)
    }
    pub fn filename(&self) -> String {
        cstr(&self.filename)
    }
}

fn cstr(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).into_owned()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut ebpf = Ebpf::load(include_bytes_aligned!(concat!(env!("OUT_DIR"), "/execsnoop")))?;
    if let Err(e) = aya_log::EbpfLogger::init(&mut ebpf) {
        warn!("eBPF logger not initialised: {e}");
    }
    let program: &mut TracePoint = ebpf.program_mut("sched_process_exec").unwrap().try_into()?;
    program.load()?;
    program.attach("sched", "sched_process_exec")?;

    let hostname = std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into());
    let sink = Arc::new(sink::ExecSink::connect(&hostname).await?);
    let rules = Arc::new(alerts::AlertRules::load(&hostname).await?);

    let mut events = AsyncPerfEventArray::try_from(ebpf.take_map("EVENTS").unwrap())?;
    let cpus = online_cpus().map_err(|(_, e)| e)?;
    for cpu_id in cpus {
        let mut buf = events.open(cpu_id, None)?;
        let sink = sink.clone();
        let rules = rules.clone();

        tokio::spawn(async move {
            let mut buffers = (0..16)
                .map(|_| BytesMut::with_capacity(std::mem::size_of::<ExecEvent>()))
                .collect::<Vec<_>>();
            loop {
                let batch = match buf.read_events(&mut buffers).await {
                    Ok(b) => b,
                    Err(e) => {
                        warn!("cpu {cpu_id}: read_events failed: {e}");
                        continue;
                    }
                };
                if batch.lost > 0 {
                    warn!("cpu {cpu_id}: lost {} events", batch.lost);
                }
                for raw in buffers.iter().take(batch.read) {
                    let ev = unsafe { std::ptr::read_unaligned(raw.as_ptr() as *const ExecEvent) };
                    if let Err(e) = sink.record(&ev).await {
                        warn!("record failed: {e}");
                    }
                    if let Err(e) = rules.evaluate(&ev).await {
                        warn!("alert evaluation failed: {e}");
                    }
                }
            }
        });
    }

    info!("tracing execs, ctrl-c to stop");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
