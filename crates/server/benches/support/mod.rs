//! What the server's benchmarks share: knobs from the environment and the runtime.

/// `name` from the environment as a number, or `default`.
pub fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs the benchmark on a multi-threaded runtime, as the server runs.
pub fn run<F: std::future::Future<Output = ()>>(benchmark: F) {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(benchmark);
}

/// The marker after which a benchmark prints its Markdown for docs/benchmarks.md
/// (`cargo xtask bench` reads it).
pub const MARKDOWN: &str = "TODOKE_BENCH_MARKDOWN";
