mod commands;
mod db;
mod schema;

use commands::Cmd;
use web_view::Content;

fn main() -> anyhow::Result<()> {
    // Connection used by the UI thread for reads and sync bookkeeping.
    let mut ui_conn = db::connect()?;
    let api_base = std::env::var("FIELDNOTES_API")
        .unwrap_or_else(|_| "https://inspections.example.com".into());

    web_view::builder()
        .title("Field notes")
        .content(Content::Html(include_str!("../ui/index.html")))
        .size(1024, 720)
        .resizable(true)
        .debug(false)
        .user_data(())
        // Called once for every window.external.invoke(...) from the page.
        .invoke_handler(move |webview, arg| {
            let cmd: Cmd = match serde_json::from_str(arg) {
                Ok(cmd) => cmd,
                Err(e) => {
                    eprintln!("bad message from UI: {e}");
                    return Ok(());
                }
            };
            match cmd {
                Cmd::List { site } => {
                    let notes = commands::list(&mut ui_conn, &site).unwrap_or_default();
                    let json = serde_json::to_string(&notes).unwrap_or_else(|_| "[]".into());
                    webview.eval(&format!("window.app.renderNotes({json})"))?;
                }
                Cmd::Save { site, body } => {
                    let handle = webview.handle();
                    std::thread::spawn(move || {
                        let js = match commands::save(&site, &body) {
                            Ok(id) => format!("window.app.saved({id})"),
                            Err(e) => format!("window.app.failed({:?})", e.to_string()),
                        };
                        let _ = handle.dispatch(move |wv| wv.eval(&js));
                    });
                }
                Cmd::Sync => {
                    let count = match commands::sync(&mut ui_conn, &api_base) {
                        Ok(n) => n,
                        Err(e) => {
                            eprintln!("sync failed: {e}");
                            0
                        }
                    };
                    webview.eval(&format!("window.app.syncDone({count})"))?;
                }
            }
            Ok(())
        })
        .run()?;
    Ok(())
}
