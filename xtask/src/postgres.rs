//! A throw-away PostgreSQL cluster for the tests: Debian's server (installed when missing),
//! `initdb` in a temporary directory, started on a free loopback port, stopped and removed when
//! dropped, whether the tests passed or not. Nothing of the machine's own PostgreSQL is used.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, apt_install, status, step};

/// The superuser of the throw-away cluster (trust authentication on loopback only).
const USER: &str = "todoke";

pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    /// `runuser -u postgres --` when xtask runs as root: PostgreSQL refuses to run as root.
    as_postgres: bool,
}

impl Cluster {
    /// `postgres://todoke@127.0.0.1:PORT` (append `/DATABASE`).
    pub fn url(&self) -> String {
        format!("postgres://{USER}@127.0.0.1:{}", self.port)
    }

    pub fn start() -> Result<Self> {
        let bin = ensure_installed()?;
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(format!("todoke-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if as_postgres {
            status(Command::new("chown").arg("postgres").arg(&dir))?;
        }
        let port = free_port()?;
        let cluster = Self {
            bin,
            dir,
            port,
            as_postgres,
        };
        step(&format!(
            "Starting a throw-away PostgreSQL on 127.0.0.1:{port}"
        ));
        let data = cluster.dir.join("data");
        status(
            cluster
                .pg("initdb")
                .args(["-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync"])
                .arg("--locale=C.UTF-8")
                .arg("-D")
                .arg(&data)
                .stdout(std::process::Stdio::null()),
        )?;
        // Durability is pointless for a cluster deleted after the run; connections: the API
        // tests run in parallel, each with its own database and pool.
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
            cluster.dir.display()
        );
        status(
            cluster
                .pg("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(cluster.dir.join("server.log"))
                .args(["-o", &options, "-w", "start"])
                .stdout(std::process::Stdio::null()),
        )?;
        Ok(cluster)
    }

    /// The directory of the cluster's client programs (psql, pg_dump, pg_restore).
    pub fn bin_dir(&self) -> &Path {
        &self.bin
    }

    fn pg(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(path);
            cmd
        } else {
            Command::new(path)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .stdout(std::process::Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The `bin` directory of the newest installed PostgreSQL, installing Debian's when none is.
fn ensure_installed() -> Result<PathBuf> {
    if let Some(bin) = installed_bin() {
        return Ok(bin);
    }
    step("Installing PostgreSQL from Debian (for the tests on both engines)");
    apt_install(&["postgresql"])?;
    installed_bin().ok_or_else(|| "PostgreSQL installed, but no initdb found".to_string())
}

fn installed_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            has_server(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn has_server(bin: &Path) -> bool {
    bin.join("initdb").exists() && bin.join("pg_ctl").exists() && bin.join("postgres").exists()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A loopback port nothing listens on (the one the contract fuzz's server uses too).
fn free_port() -> Result<u16> {
    crate::contract::free_port().map(|a| a.port())
}
