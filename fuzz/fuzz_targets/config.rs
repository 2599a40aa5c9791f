#![no_main]
//! Configuration text (`connlint.toml`, `[tool.connlint]` of a `pyproject.toml`): parsed or
//! refused with an error whose place lies in the text, never a panic; its report renders.
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["connlint.toml", "pyproject.toml"] {
        if let Err(e) = connlint::config::parse(Path::new(name), text, &connlint::rules::NAMES) {
            if let Some(at) = e.at {
                assert!(at.start <= at.end && at.end as usize <= text.len(), "{at:?}");
            }
            let mut out = String::new();
            let handler = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            );
            let _ = handler.render_report(&mut out, e.as_ref());
        }
    }
});
