//! Time to an interactive login form: cold loads of the SPA and of a bare Leptos counter
//! (`xtask/counter-app`, the yardstick) in headless Chromium, timed from navigation to the moment
//! the field `#todoke-user_id` exists and is enabled, with and without 4× CPU throttling.
//!
//! Each load is a new ChromeDriver session (a new profile, so nothing is cached). A script the
//! DevTools protocol adds before any of the page's own (`Page.addScriptToEvaluateOnNewDocument`)
//! watches the DOM and records `performance.now()` (milliseconds since navigation started) when
//! the field appears enabled. The SPA's time includes what its login page waits for: the service
//! status and the session check against todoke-server (a debug build on loopback).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::*;
use crate::contract::{Server, free_port, http};
use crate::status;

/// Cold loads per case (the issue asks for at least 15).
pub(super) const LOADS: usize = 15;
/// The throttled runs: Chromium's `Emulation.setCPUThrottlingRate`.
pub(super) const THROTTLE: f64 = 4.0;

/// Records when the user ID field is there and enabled (see the module documentation).
const WATCH: &str = "(() => {
  const done = () => {
    const f = document.getElementById('todoke-user_id');
    if (f && !f.disabled && window.__todokeReady === undefined) {
      window.__todokeReady = performance.now();
    }
  };
  new MutationObserver(done).observe(document, { subtree: true, childList: true, attributes: true });
})();";

/// One case's cold loads, in milliseconds.
pub(super) struct LoadTimes {
    pub throttle: f64,
    pub samples: Vec<f64>,
}

impl LoadTimes {
    pub fn median(&self) -> f64 {
        let mut s = self.samples.clone();
        s.sort_by(f64::total_cmp);
        match s.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => s[n / 2],
            n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
        }
    }
}

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `ready` every 100 ms for up to 60 s.
fn wait_until(mut ready: impl FnMut() -> bool, what: &str) -> Result {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} did not answer within 60 s"))
}

/// A WebDriver command's `value`.
fn webdriver(driver: SocketAddr, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
    let reply = http(driver, method, path, None, body.as_ref())?;
    let json = reply.json().map_err(|e| format!("{method} {path}: {e}"))?;
    if !(200..300).contains(&reply.status) {
        return Err(format!("{method} {path}: {} {json}", reply.status));
    }
    Ok(json["value"].clone())
}

/// One cold load of `url`: milliseconds from navigation to the enabled field.
fn cold_load(driver: SocketAddr, url: &str, throttle: f64) -> Result<f64> {
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1200,900"]
        }
    }}});
    let session = webdriver(driver, "POST", "/session", Some(caps))?;
    let id = session["sessionId"]
        .as_str()
        .ok_or("no session id")?
        .to_string();
    let result = (|| {
        let cdp = |cmd: &str, params: Value| {
            webdriver(
                driver,
                "POST",
                &format!("/session/{id}/goog/cdp/execute"),
                Some(json!({ "cmd": cmd, "params": params })),
            )
        };
        cdp("Page.enable", json!({}))?;
        cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH }),
        )?;
        if throttle > 1.0 {
            cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": throttle }),
            )?;
        }
        webdriver(
            driver,
            "POST",
            &format!("/session/{id}/url"),
            Some(json!({ "url": url })),
        )?;
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            let ready = webdriver(
                driver,
                "POST",
                &format!("/session/{id}/execute/sync"),
                Some(json!({ "script": "return window.__todokeReady ?? null;", "args": [] })),
            )?;
            if let Some(ms) = ready.as_f64() {
                return Ok(ms);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("{url}: the user ID field never became enabled"))
    })();
    let _ = webdriver(driver, "DELETE", &format!("/session/{id}"), None);
    result
}

/// Builds the yardstick with trunk (its own Trunk.toml, the workspace's release profile, and
/// the SPA's `erase_components`; it has no chunks to split).
fn build_counter() -> Result<PathBuf> {
    step("Building the yardstick: a bare Leptos 0.8 counter (xtask/counter-app, trunk)");
    let dir = root().join("xtask/counter-app");
    status(
        Command::new("trunk")
            .args(["build", "--release"])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "--cfg erase_components",
            )
            .current_dir(&dir),
    )?;
    Ok(root().join("target/counter-app/dist"))
}

/// Every case: the SPA and the counter, without and with throttling, loads interleaved so that
/// the machine's load falls on both alike.
pub(super) fn measure() -> Result<Vec<LoadTimes>> {
    let counter_dist = build_counter()?;
    status(
        Command::new(cargo())
            .args(["build", "--package", "todoke-server"])
            .current_dir(root()),
    )?;
    let app_server = Server::start("first-load-app", Some(&root().join("dist")))?;
    let counter_server = Server::start("first-load-counter", Some(&counter_dist))?;
    let driver_addr = free_port()?;
    let _driver = Running(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={}", driver_addr.port()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{CHROMEDRIVER}: {e}"))?,
    );
    wait_until(
        || webdriver(driver_addr, "GET", "/status", None).is_ok(),
        "chromedriver",
    )?;
    step(&format!(
        "Cold loads to an enabled user ID field: {LOADS} each, SPA and counter, CPU 1× and {THROTTLE}×"
    ));
    let mut cases = Vec::new();
    for throttle in [1.0, THROTTLE] {
        let mut app = LoadTimes {
            throttle,
            samples: Vec::new(),
        };
        let mut counter = LoadTimes {
            throttle,
            samples: Vec::new(),
        };
        for _ in 0..LOADS {
            app.samples.push(cold_load(
                driver_addr,
                &format!("http://{}/login", app_server.addr),
                throttle,
            )?);
            counter.samples.push(cold_load(
                driver_addr,
                &format!("http://{}/", counter_server.addr),
                throttle,
            )?);
        }
        eprintln!(
            "    CPU {throttle}×: Todoke median {:.0} ms, counter median {:.0} ms",
            app.median(),
            counter.median()
        );
        cases.push(app);
        cases.push(counter);
    }
    Ok(cases)
}

/// The report's part: medians side by side and their ratio.
pub(super) fn render(cases: &[LoadTimes]) -> String {
    let mut d = String::new();
    let _ = writeln!(
        d,
        "
### Time to an interactive login form

From navigation to an enabled user ID field (`#todoke-user_id`), median of {LOADS} cold
loads each (a new browser profile per load) in headless Chromium, without and with
{THROTTLE}× CPU throttling (`Emulation.setCPUThrottlingRate`); the SPA's login page and a bare
Leptos 0.8 counter with one text field (`xtask/counter-app`, same release settings and
`erase_components`, built by trunk unsplit), loads interleaved. The SPA's time includes its
start-up requests (service status and session, sent together) to todoke-server, a debug build
on loopback (`xtask/src/bench/first_load.rs`).

| CPU | Todoke, median | min – max | Counter, median | min – max | Ratio (goal ≤ 1.5×) |
|---|---:|---:|---:|---:|---:|"
    );
    for pair in cases.chunks(2) {
        let [app, counter] = pair else { continue };
        let range = |t: &LoadTimes| {
            let min = t.samples.iter().copied().fold(f64::INFINITY, f64::min);
            let max = t.samples.iter().copied().fold(0.0, f64::max);
            format!("{min:.0} – {max:.0} ms")
        };
        let _ = writeln!(
            d,
            "| {}× | {:.0} ms | {} | {:.0} ms | {} | {:.2}× |",
            app.throttle,
            app.median(),
            range(app),
            counter.median(),
            range(counter),
            app.median() / counter.median()
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_odd_and_even_counts() {
        let t = |samples: Vec<f64>| LoadTimes {
            throttle: 1.0,
            samples,
        };
        assert_eq!(t(vec![3.0, 1.0, 2.0]).median(), 2.0);
        assert_eq!(t(vec![4.0, 1.0, 2.0, 3.0]).median(), 2.5);
        assert!(t(vec![]).median().is_nan());
    }
}
