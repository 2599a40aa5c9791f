//! The WMS prints shipping labels by opening a raw TCP connection (JetDirect,
//! "port 9100") and streaming ZPL until it closes the socket. This relay
//! listens on one local port per dock-door printer, records every label
//! (^XA ... ^XZ) with its tracking number for the "was this parcel labelled?"
//! audit, and forwards the job unchanged to the real printer.
mod store;
mod zpl;

use std::time::Duration;

use anyhow::Context;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone)]
struct Door {
    name: String,
    listen: String,
    printer: String,
}

/// `DOCK_PRINTERS="dock01=0.0.0.0:9101>10.20.0.51:9100,dock02=0.0.0.0:9102>10.20.0.52:9100"`
fn doors_from_env() -> anyhow::Result<Vec<Door>> {
    let spec = std::env::var("DOCK_PRINTERS").context("DOCK_PRINTERS")?;
    spec.split(',')
        .map(|d| {
            let (name, rest) = d.split_once('=').context("expected name=listen>printer")?;
            let (listen, printer) = rest.split_once('>').context("expected listen>printer")?;
            Ok(Door { name: name.into(), listen: listen.into(), printer: printer.into() })
        })
        .collect()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let doors = doors_from_env()?;
    let labels = store::LabelStore::connect(&std::env::var("MONGODB_URI").context("MONGODB_URI")?).await?;

    let mut tasks = Vec::new();
    for door in doors {
        let listener = TcpListener::bind(&door.listen).await?;
        let labels = labels.clone();
        tasks.push(tokio::spawn(async move {
            loop {
                let Ok((wms, peer)) = listener.accept().await else { continue };
                let (door, labels) = (door.clone(), labels.clone());
                tokio::spawn(async move {
                    if let Err(e) = relay_job(&door, &labels, wms).await {
                        eprintln!("{}: job from {peer} failed: {e:#}", door.name);
                    }
                });
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    Ok(())
}

/// A raw socket to the printer for one job. Zebra printers accept a single
/// raw connection at a time and print on close; there is nothing to pool.
async fn printer_connection(addr: &str) -> std::io::Result<TcpStream> {
    let stream = tokio::time::timeout(Duration::from_secs(5), TcpStream::connect(addr)).await??;
    stream.set_nodelay(true)?;
    Ok(stream)
}

async fn relay_job(door: &Door, labels: &store::LabelStore, mut wms: TcpStream) -> anyhow::Result<()> {
    let mut job = Vec::with_capacity(8 * 1024);
    loop {
        let mut chunk = [0u8; 4096];
        match tokio::time::timeout(Duration::from_secs(3), wms.read(&mut chunk)).await {
            Ok(Ok(0)) | Err(_) => break, // WMS closed the job (or went idle)
            Ok(Ok(n)) => job.extend_from_slice(&chunk[..n]),
            Ok(Err(e)) => return Err(e.into()),
        }
    }
    if job.is_empty() {
        return Ok(());
    }

    let mut printer = printer_connection(&door.printer).await.with_context(|| format!("printer {}", door.printer))?;
    printer.write_all(&job).await?;
    printer.shutdown().await?;

    let parsed = zpl::labels(&String::from_utf8_lossy(&job));
    if !parsed.is_empty() {
        labels.record(&door.name, &parsed).await?;
    }
    Ok(())
}
