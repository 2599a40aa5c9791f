mod adapter;
mod db;

use std::fs::File;
use std::io::{BufReader, BufWriter};

use dap::prelude::*;
use simplelog::{Config, LevelFilter, WriteLogger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let log_path = std::env::temp_dir().join("plsql-dap.log");
    WriteLogger::init(LevelFilter::Info, Config::default(), File::create(log_path)?)?;

    let input = BufReader::new(std::io::stdin());
    let output = BufWriter::new(std::io::stdout());
    let mut server = Server::new(input, output);
    let mut adapter = adapter::Adapter::new();

    // One adapter process per debug session; requests arrive until disconnect.
    while let Some(req) = server.poll_request()? {
        let is_disconnect = matches!(req.command, Command::Disconnect(_));
        let is_initialize = matches!(req.command, Command::Initialize(_));
        let seq = req.seq;
        match adapter.handle(req) {
            Ok(rsp) => server.respond(rsp)?,
            Err(e) => log::error!("request {seq} failed: {e}"),
        }
        if is_initialize {
            server.send_event(Event::Initialized)?;
        }
        if is_disconnect {
            break;
        }
    }
    Ok(())
}
