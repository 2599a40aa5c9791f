//! Installed through /etc/sudo.conf:
//!
//!   Plugin sudo_session_recorder /usr/lib/sudo/libsudo_session_recorder.so \
//!       dsn=postgres://recorder@audit-db/compliance webhook=https://soc.internal/hooks/sudo
//!
//! sudo loads the plugin once per sudo invocation: `open` runs when the command starts,
//! `log_ttyout` runs for every chunk of terminal output the command writes (an
//! interactive root shell produces thousands of them), `close` runs once at the end.

use std::cell::Cell;
use std::io::Write;

use sudo_plugin::prelude::*;

mod record;

use record::{Chunk, Recorder, Summary};

sudo_io_plugin! {
    sudo_session_recorder : SessionRecorder {
        close: close,
        log_ttyout: log_ttyout,
        log_stdout: log_stdout,
    }
}

struct SessionRecorder {
    env: &'static IoEnv,
    recorder: Recorder,
    session_id: String,
    seq: Cell<i64>,
    bytes: Cell<u64>,
}

impl SessionRecorder {
    fn ship(&self, stream: &'static str, data: &[u8]) {
        let seq = self.seq.get() + 1;
        self.seq.set(seq);
        self.bytes.set(self.bytes.get() + data.len() as u64);

        let chunk = Chunk {
            session_id: &self.session_id,
            seq,
            stream,
            data,
        };
        if let Err(e) = self.recorder.append(&chunk) {
            // Never break the user's terminal because the audit DB is slow.
            let _ = writeln!(self.env.stderr(), "sudo_session_recorder: {e}");
        }
    }
}

impl IoPlugin for SessionRecorder {
    const NAME: &'static str = "sudo_session_recorder";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");

    fn open(env: &'static IoEnv) -> Result<Self> {
        let dsn: String = env
            .plugin_options
            .get("dsn")
            .unwrap_or_else(|_| "postgres://recorder@localhost/compliance".to_string());
        let webhook: Option<String> = env.plugin_options.get("webhook").ok();

        let session_id = uuid::Uuid::new_v4().to_string();
        let recorder = Recorder::new(dsn, webhook);

        let user = env.user_info.user.clone();
        let command = format!("{:?}", env.command_info.command);
        if let Err(e) = recorder.start_session(&session_id, &user, &command) {
            let _ = writeln!(env.stderr(), "sudo_session_recorder: {e}");
        }

        Ok(SessionRecorder {
            env,
            recorder,
            session_id,
            seq: Cell::new(0),
            bytes: Cell::new(0),
        })
    }

    fn log_ttyout(&self, log: &[u8]) -> Result<()> {
        self.ship("ttyout", log);
        Ok(())
    }

    fn log_stdout(&self, log: &[u8]) -> Result<()> {
        self.ship("stdout", log);
        Ok(())
    }

    fn close(self, exit_status: i32, error: i32) {
        let summary = Summary {
            session_id: self.session_id.clone(),
            user: self.env.user_info.user.clone(),
            chunks: self.seq.get(),
            bytes: self.bytes.get(),
            exit_status,
            error,
        };
        if let Err(e) = self.recorder.finish(&summary) {
            let _ = writeln!(self.env.stderr(), "sudo_session_recorder: {e}");
        }
    }
}
