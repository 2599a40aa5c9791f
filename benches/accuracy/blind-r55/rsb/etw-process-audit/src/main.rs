//! ferrisetw invokes `on_event` on its processing thread once for every ETW event the
//! Kernel-Process provider emits (every process start/stop on the machine). The
//! callback only parses the record and hands it to the single writer thread.

use std::sync::mpsc;

use ferrisetw::parser::Parser;
use ferrisetw::provider::Provider;
use ferrisetw::schema_locator::SchemaLocator;
use ferrisetw::trace::{TraceTrait, UserTrace};
use ferrisetw::EventRecord;

mod writer;

use writer::ProcessEvent;

const KERNEL_PROCESS: &str = "22fb2cd6-0e7b-422b-a0c7-2fad1fd0e716";
const EVENT_PROCESS_START: u16 = 1;
const EVENT_PROCESS_STOP: u16 = 2;

fn on_event(record: &EventRecord, locator: &SchemaLocator, tx: &mpsc::SyncSender<ProcessEvent>) {
    let id = record.event_id();
    if id != EVENT_PROCESS_START && id != EVENT_PROCESS_STOP {
        return;
    }
    let schema = match locator.event_schema(record) {
        Ok(s) => s,
        Err(e) => {
            log::debug!("no schema for event {id}: {e:?}");
            return;
        }
    };
    let parser = Parser::create(record, &schema);
    let pid: u32 = parser.try_parse("ProcessID").unwrap_or_default();
    let event = if id == EVENT_PROCESS_START {
        ProcessEvent::Start {
            pid,
            parent: parser.try_parse("ParentProcessID").unwrap_or_default(),
            image: parser.try_parse("ImageName").unwrap_or_default(),
        }
    } else {
        ProcessEvent::Stop { pid }
    };
    // Never block the ETW thread: drop events if the writer is behind.
    if tx.try_send(event).is_err() {
        log::warn!("writer queue full, dropping event for pid {pid}");
    }
}

fn main() {
    env_logger::init();

    let settings = writer::Settings::from_env();
    let (tx, rx) = mpsc::sync_channel::<ProcessEvent>(10_000);
    let writer = std::thread::Builder::new()
        .name("pg-writer".into())
        .spawn(move || writer::run(settings, rx))
        .expect("spawn writer");

    let provider = Provider::by_guid(KERNEL_PROCESS)
        .add_callback(move |record: &EventRecord, locator: &SchemaLocator| on_event(record, locator, &tx))
        .build();

    let trace = UserTrace::new()
        .named(String::from("EtwProcessAudit"))
        .enable(provider)
        .start_and_process()
        .expect("start ETW session (run elevated)");

    let (stop_tx, stop_rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .expect("ctrl-c handler");
    let _ = stop_rx.recv();

    log::info!("stopping trace");
    if let Err(e) = trace.stop() {
        log::error!("trace stop: {e:?}");
    }
    // Dropping the provider closure drops the last Sender, which ends the writer loop.
    let _ = writer.join();
}
