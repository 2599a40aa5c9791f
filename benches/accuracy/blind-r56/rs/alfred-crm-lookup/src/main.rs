//! Alfred workflow binary.
//!
//! Alfred starts a new process for every keystroke in the Script Filter
//! (`alfred-crm search "{query}"`, "Terminate previous script" enabled) and
//! another one when the user presses Enter (`alfred-crm open {query}`). Each
//! process does one lookup, prints its result and exits.

mod avatars;
mod search;

use std::io;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("search") => {
            let query = args.get(2).map(|s| s.trim()).unwrap_or_default();
            let items = if query.len() < 2 {
                vec![alfred::ItemBuilder::new("Keep typing…").subtitle("At least two characters").valid(false).into_item()]
            } else {
                search::run(query)?
            };
            alfred::json::write_items(io::stdout(), &items)?;
        }
        Some("open") => {
            let id: i64 = args.get(2).ok_or_else(|| anyhow::anyhow!("missing contact id"))?.parse()?;
            let url = search::touch_and_url(id)?;
            std::process::Command::new("open").arg(&url).status()?;
        }
        _ => {
            eprintln!("usage: alfred-crm search <query> | open <contact id>");
            std::process::exit(2);
        }
    }
    Ok(())
}
