//! Pages whose code loads on demand (`src/routes/chunks.rs`): when a page's chunk cannot be
//! fetched (the connection dropped, or a release replaced the files meanwhile), the page says so
//! and offers to load again, instead of staying blank; loading again works once the file is back.

use std::path::{Path, PathBuf};

use fantoccini::key::Key;

use crate::embedding::copy_tree;
use crate::harness::{Browser, Journey, ServerOptions, dist_dir};

/// The chunk of the pages opened without signing in (the manual among them) and its
/// precompressed copies in the copied build.
fn public_chunk_files(site: &Path) -> Vec<PathBuf> {
    let folder = std::fs::read_dir(site)
        .expect("site")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("todoke-"))
        })
        .expect("the build's wasm folder");
    let files: Vec<PathBuf> = ["", ".br", ".gz"]
        .iter()
        .map(|suffix| folder.join(format!("split_public.wasm{suffix}")))
        .filter(|p| p.exists())
        .collect();
    assert!(
        !files.is_empty(),
        "no split_public.wasm in {}",
        folder.display()
    );
    files
}

async fn dropped_chunk_journey(browser: Browser) {
    let site = tempfile::tempdir().expect("temp dir");
    let aside = tempfile::tempdir().expect("temp dir");
    copy_tree(&dist_dir(), site.path());
    let chunk = public_chunk_files(site.path());
    for file in &chunk {
        std::fs::rename(file, aside.path().join(file.file_name().unwrap())).expect("move aside");
    }
    let j = Journey::start(
        browser,
        ServerOptions {
            dist_dir: Some(site.path().to_path_buf()),
            ..Default::default()
        },
    )
    .await;
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;

    // The login page works without the chunk; the manual, opened from the header, cannot load.
    j.tab_to("todoke-manual-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("画面を表示できませんでした").await;
    assert!(
        j.title().await.starts_with("エラー："),
        "title: {}",
        j.title().await
    );
    j.wait_for_text("インターネット接続を確認してから").await;
    j.assert_accessible("page chunk failed").await;

    // The file is back: loading again shows the manual, without reloading the page.
    for file in &chunk {
        std::fs::rename(aside.path().join(file.file_name().unwrap()), file).expect("put back");
    }
    j.tab_to("todoke-chunk-retry").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("マニュアル（ご利用の手引き）").await;
    assert_eq!(j.location().await, "/manual");
    j.assert_accessible("page chunk loaded again").await;
    j.finish().await;
}

in_every_browser!(dropped_chunk_journey);
