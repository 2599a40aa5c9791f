//! Bounded reads of regular files: nothing connlint reads (a source file, a configuration, a
//! manifest, a baseline, the cache, standard input) may be a FIFO that never ends, a device that
//! never stops, or grow without limit while it is read.

/// The largest file connlint reads that is not a source file (a configuration, a manifest, a
/// baseline, standard input): 64 MiB.
pub const MAX_AUX_READ: u64 = 64 << 20;

/// Read a file that must be a regular file, at most `max` bytes: a FIFO, a device or a socket
/// (also behind a symlink: `zero.ts -> /dev/zero`) is refused before it is opened, and a file
/// that grows past `max` while it is read is refused without reading more than `max + 1`
/// bytes. Errors say what the file is.
pub fn read_regular(path: &std::path::Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO, a device or a socket)"
        };
        return Err(std::io::Error::other(what));
    }
    if meta.len() > max {
        return Err(std::io::Error::other(format!(
            "{} bytes is over the {max} byte limit",
            meta.len()
        )));
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "grew past the {max} byte limit while it was read"
        )));
    }
    Ok(bytes)
}

/// [`read_regular`] as UTF-8 text.
pub fn read_regular_text(path: &std::path::Path, max: u64) -> std::io::Result<String> {
    String::from_utf8(read_regular(path, max)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Standard input as UTF-8 text, at most `max` bytes.
pub fn read_stdin(max: u64) -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!("over the {max} byte limit")));
    }
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
