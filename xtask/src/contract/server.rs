//! The test server the fuzz (and the load-time benchmark) runs against: the built binary on a
//! temporary SQLite database and a free port, killed and removed on drop.

use super::*;

/// `todoke-server serve --demo` on a temporary database; stopped and cleaned up when dropped.
pub(crate) struct Server {
    pub(super) child: Child,
    pub(crate) addr: SocketAddr,
    pub(super) dir: PathBuf,
}

impl Server {
    /// `name` tells its temporary folder apart from another server's; `dist` is the SPA it
    /// serves (none for the API alone).
    pub(crate) fn start(name: &str, dist: Option<&Path>) -> Result<Server> {
        let dir = std::env::temp_dir().join(format!("todoke-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let addr = free_port()?;
        let log = std::fs::File::create(dir.join("server.log")).map_err(|e| e.to_string())?;
        let binary = target_dir().join("debug/todoke-server");
        step(&format!("Starting todoke-server on {addr} ({name})"));
        let child = Command::new(&binary)
            .args(["serve", "--demo"])
            .env(
                "TODOKE_DATABASE_URL",
                format!("sqlite://{}", dir.join("fuzz.db").display()),
            )
            .env("TODOKE_ADDR", addr.to_string())
            .env("TODOKE_SERVICE_HOURS", "always")
            .env("TODOKE_DIST_DIR", dist.unwrap_or(Path::new("")))
            // The fuzz signs in with wrong passwords thousands of times, mostly for made-up
            // user IDs but also for the demo ones; the lock must not end the run.
            .env("TODOKE_LOCKOUT_THRESHOLD", "1000")
            .env("TODOKE_LOCKOUT_MINUTES", "1")
            .env("RUST_LOG", "warn")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
        let mut server = Server { child, addr, dir };
        server.wait_until_ready()?;
        Ok(server)
    }

    pub(super) fn wait_until_ready(&mut self) -> Result {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(st) = self.child.try_wait().map_err(|e| e.to_string())? {
                self.show_log_tail();
                return Err(format!("todoke-server stopped at startup ({st})"));
            }
            if http(self.addr, "GET", "/healthz", None, None).is_ok_and(|r| r.status == 200) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err("todoke-server did not answer /healthz within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The end of the server's log (errors behind a 5xx are logged there).
    pub(super) fn show_log_tail(&self) {
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = &lines[lines.len().saturating_sub(40)..];
        if !tail.is_empty() {
            eprintln!("--- todoke-server log (last {} lines) ---", tail.len());
            for line in tail {
                eprintln!("{line}");
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub(super) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// A port nobody listens on now (the server binds it a moment later).
pub(crate) fn free_port() -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("free port: {e}"))?;
    listener.local_addr().map_err(|e| format!("free port: {e}"))
}
