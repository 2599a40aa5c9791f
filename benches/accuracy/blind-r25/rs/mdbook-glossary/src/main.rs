//! `mdbook build` spawns this binary once per build:
//!
//! * `mdbook-glossary supports <renderer>` — exit 0 if supported
//! * otherwise: read `[context, book]` JSON on stdin, write the book on stdout

use std::io;
use std::process;

use mdbook::errors::Error;
use mdbook::preprocess::{CmdPreprocessor, Preprocessor};

mod glossary;

use glossary::Glossary;

fn handle_supports(pre: &dyn Preprocessor, renderer: &str) -> ! {
    if pre.supports_renderer(renderer) {
        process::exit(0);
    } else {
        process::exit(1);
    }
}

fn handle_preprocessing(pre: &dyn Preprocessor) -> Result<(), Error> {
    let (ctx, book) = CmdPreprocessor::parse_input(io::stdin())?;

    let book_version = semver::Version::parse(&ctx.mdbook_version)?;
    let version_req = semver::VersionReq::parse(mdbook::MDBOOK_VERSION)?;
    if !version_req.matches(&book_version) {
        eprintln!(
            "warning: {} was built against mdbook {}, called from {}",
            pre.name(),
            mdbook::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }

    let processed = pre.run(&ctx, book)?;
    serde_json::to_writer(io::stdout(), &processed)?;
    Ok(())
}

fn main() {
    let pre = Glossary;
    let mut args = std::env::args().skip(1);
    if let Some("supports") = args.next().as_deref() {
        let renderer = args.next().unwrap_or_default();
        handle_supports(&pre, &renderer);
    }

    if let Err(e) = handle_preprocessing(&pre) {
        eprintln!("mdbook-glossary: {e}");
        process::exit(1);
    }
}
