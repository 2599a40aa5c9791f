//! pop-launcher starts this binary once per launcher session and then writes one JSON
//! request per line on stdin: a `Search` for every keystroke after the `rb ` prefix,
//! an `Activate` when the user presses Enter on a result, `Exit` when the launcher closes.

use futures::StreamExt;
use pop_launcher::{async_stdin, async_stdout, json_input_stream, send, PluginResponse, Request};

mod actions;
mod runbooks;

use runbooks::Runbook;

struct Plugin {
    out: blocking::Unblock<std::io::Stdout>,
    last_results: Vec<Runbook>,
}

impl Plugin {
    async fn search(&mut self, query: String) {
        let terms = query.trim_start_matches("rb ").trim().to_string();
        self.last_results.clear();

        if terms.len() >= 2 {
            match runbooks::search(&terms).await {
                Ok(found) => self.last_results = found,
                Err(e) => tracing::error!("runbook search failed: {e}"),
            }
        }

        for (i, rb) in self.last_results.iter().enumerate() {
            send(&mut self.out, PluginResponse::Append(rb.as_result(i as u32))).await;
        }
        send(&mut self.out, PluginResponse::Finished).await;
    }

    async fn activate(&mut self, id: u32) {
        let Some(rb) = self.last_results.get(id as usize).cloned() else {
            return;
        };
        if let Err(e) = actions::open_and_ack(&rb).await {
            tracing::error!("could not open runbook {}: {e}", rb.slug);
        }
        send(&mut self.out, PluginResponse::Close).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tracing_subscriber::fmt().with_writer(std::io::stderr).init();

    let mut plugin = Plugin {
        out: async_stdout(),
        last_results: Vec::new(),
    };

    let mut requests = json_input_stream(async_stdin());
    while let Some(request) = requests.next().await {
        match request {
            Ok(Request::Search(query)) => plugin.search(query).await,
            Ok(Request::Activate(id)) => plugin.activate(id).await,
            Ok(Request::Exit) => break,
            Ok(_) => {}
            Err(why) => tracing::error!("malformed request: {why}"),
        }
    }
}
