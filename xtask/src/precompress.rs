//! Precompression of the build: every hashed asset (`.wasm`, `.js`, `.css`) gets a brotli
//! (quality 11) and a gzip copy beside it, which the server sends instead of compressing on the
//! fly at a lower quality. `index.html` is left alone: it is small, `no-cache`, and the
//! embedding journeys rewrite it.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// Brotli at its best quality.
pub const BROTLI_BEST: u32 = 11;
/// The library's default window (4 MiB), larger than any file here.
pub const BROTLI_LGWIN: u32 = 22;

/// `bytes` compressed with brotli at `quality`.
pub fn brotli(bytes: &[u8], quality: u32) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, BROTLI_LGWIN);
        w.write_all(bytes).map_err(|e| format!("brotli: {e}"))?;
        w.flush().map_err(|e| format!("brotli: {e}"))?;
    }
    Ok(out)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes).map_err(|e| format!("gzip: {e}"))?;
    w.finish().map_err(|e| format!("gzip: {e}"))
}

fn is_asset(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("wasm" | "js" | "css")
    )
}

/// Writes `name.br` and `name.gz` beside every asset in `dir` and its folders (the split wasm
/// is in one); returns how many assets it compressed.
pub fn assets(dir: &Path) -> Result<usize> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut count = 0;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            count += assets(&path)?;
            continue;
        }
        if !path.is_file() || !is_asset(&path) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (suffix, packed) in [("br", brotli(&bytes, BROTLI_BEST)?), ("gz", gzip(&bytes)?)] {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{suffix}"));
            std::fs::write(&name, packed).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn assets_get_brotli_and_gzip_copies_that_unpack_to_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let wasm: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(dir.join("app-1a2b_bg.wasm"), &wasm).unwrap();
        std::fs::write(dir.join("index.html"), "<!DOCTYPE html>").unwrap();
        std::fs::create_dir_all(dir.join("todoke-00ff")).unwrap();
        std::fs::write(dir.join("todoke-00ff/chunk_1.wasm"), &wasm).unwrap();

        assert_eq!(assets(&dir).unwrap(), 2);
        assert!(dir.join("todoke-00ff/chunk_1.wasm.br").exists());

        let br = std::fs::read(dir.join("app-1a2b_bg.wasm.br")).unwrap();
        let mut unpacked = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, wasm);
        assert!(br.len() < wasm.len() / 10, "brotli did not compress");
        let gz = std::fs::read(dir.join("app-1a2b_bg.wasm.gz")).unwrap();
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, wasm);
        assert!(!dir.join("index.html.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
