//! One harness for every browser: starts the server and a WebDriver, opens a session, and
//! offers the few actions the journeys need. Driver processes run in their own process group
//! and are killed on drop, so a failing test leaves no browser behind.

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;
use todoke_server::{Config, RunningServer, SystemClock};

/// The password the journeys change the demo accounts' initial passwords to.
pub const NEW_PASSWORD: &str = "Hakone-Yu7#Kx";

/// The browsers the journeys must pass in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    WebKit,
}

/// Browsers share two cores with the server: run one journey at a time.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct Driver {
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Negative pid: the whole process group (xvfb-run, Xvfb, the driver and its browser).
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    fn start_driver(self, port: u16) -> Driver {
        let mut cmd = match self {
            Browser::Chromium => {
                let mut c = Command::new("/usr/bin/chromedriver");
                c.arg(format!("--port={port}"));
                c
            }
            // WebKitGTK needs a display; without one the session hangs.
            Browser::WebKit => {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "/usr/bin/WebKitWebDriver", &format!("--port={port}")]);
                c
            }
        };
        let child = cmd
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start the {self:?} WebDriver ({e}); `cargo xtask test` installs it")
            });
        Driver { child }
    }

    fn capabilities(self) -> serde_json::Map<String, Value> {
        let caps = match self {
            Browser::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                             "--lang=ja"]
                }
            }),
            Browser::WebKit => json!({}),
        };
        caps.as_object().cloned().unwrap_or_default()
    }
}

/// What a journey needs to change in the server's configuration.
#[derive(Default)]
pub struct ServerOptions {
    pub session_idle: Option<time::Duration>,
    pub service_hours: Option<todoke_core::ServiceHours>,
    /// Serve this directory instead of the SPA build (e.g. a copy with a host page).
    pub dist_dir: Option<PathBuf>,
}

/// A running server with the demo accounts, and a browser session pointed at it.
pub struct Journey {
    pub client: Client,
    pub base: String,
    _server: RunningServer,
    _driver: Driver,
    _db: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// The SPA build the journeys serve.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("TODOKE_DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").exists(),
        "no SPA build in {}: run `cargo xtask test`, which builds it first",
        dir.display()
    );
    dir
}

impl Journey {
    pub async fn start(browser: Browser, options: ServerOptions) -> Journey {
        let turn = ONE_AT_A_TIME.lock().await;
        let db = tempfile::tempdir().expect("temp dir");
        let mut config = Config::for_tests(&format!(
            "sqlite://{}",
            db.path().join("todoke.db").display()
        ));
        config.dist_dir = Some(options.dist_dir.unwrap_or_else(dist_dir));
        if let Some(idle) = options.session_idle {
            config.session_idle = idle;
        }
        if let Some(hours) = options.service_hours {
            config.service_hours = hours;
        }
        let state = todoke_server::build_state(config, Arc::new(SystemClock))
            .await
            .expect("server state");
        todoke_server::accounts::seed_demo(&state)
            .await
            .expect("demo accounts");
        let server = todoke_server::start(state).await.expect("server starts");
        let base = format!("http://{}", server.addr);

        let port = free_port();
        let driver = browser.start_driver(port);
        let client = connect(browser, port).await;
        Journey {
            client,
            base,
            _server: server,
            _driver: driver,
            _db: db,
            _turn: turn,
        }
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{}", self.base, path))
            .await
            .expect("navigate");
    }

    /// Waits for the page whose `<h1>` reads `text`.
    pub async fn wait_for_heading(&self, text: &str) {
        let xpath = format!("//h1[normalize-space()='{text}']");
        if let Err(e) = self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(&xpath))
            .await
        {
            let body = self.client.source().await.unwrap_or_default();
            let diag = self.diagnostics().await;
            panic!("no heading {text:?}: {e}\n--- diagnostics ---\n{diag}\n--- page ---\n{body}");
        }
    }

    pub async fn wait_for_text(&self, text: &str) -> Element {
        let xpath = format!(
            "//*[contains(normalize-space(), '{text}') and not(*[contains(normalize-space(), '{text}')])]"
        );
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(el) => el,
            Err(e) => {
                let body = self.client.source().await.unwrap_or_default();
                panic!("text {text:?} never appeared: {e}\n--- page ---\n{body}");
            }
        }
    }

    pub async fn by_id(&self, id: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no element #{id}: {e}"))
    }

    /// The id of the focused element (empty when none has an id).
    pub async fn focused_id(&self) -> String {
        let v = self
            .client
            .execute(
                "return document.activeElement ? document.activeElement.id : ''",
                vec![],
            )
            .await
            .expect("script");
        v.as_str().unwrap_or_default().to_string()
    }

    /// Types into the focused element, as a keyboard user would. A page that re-renders right
    /// then can replace the element between finding and typing; that is retried, briefly.
    pub async fn type_text(&self, text: &str) {
        let mut last = String::new();
        for _ in 0..5 {
            match self.client.active_element().await {
                Ok(el) => match el.send_keys(text).await {
                    Ok(()) => return,
                    Err(e) => last = e.to_string(),
                },
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("could not type into the focused element: {last}");
    }

    pub async fn press(&self, key: Key) {
        let k: char = key.into();
        self.type_text(&k.to_string()).await;
    }

    /// Waits until the element with `id` has the focus (the app moves focus on the next frame).
    pub async fn wait_for_focus(&self, id: &str) {
        let mut focused = String::new();
        for _ in 0..50 {
            focused = self.focused_id().await;
            if focused == id {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("focus stayed on #{focused}, not #{id}");
    }

    /// Moves focus with Tab until the element with `id` has it (bounded), like a keyboard user.
    pub async fn tab_to(&self, id: &str) {
        let mut seen = Vec::new();
        for _ in 0..120 {
            let focused = self.focused_id().await;
            if focused == id {
                return;
            }
            if seen.last() != Some(&focused) {
                seen.push(focused);
            }
            self.press(Key::Tab).await;
        }
        panic!("Tab never reached #{id}; focus went through {seen:?}");
    }

    /// Replaces the value of the focused field.
    pub async fn retype(&self, text: &str) {
        let el = self.client.active_element().await.expect("focused");
        el.clear().await.expect("clear");
        el.send_keys(text).await.expect("typing");
    }

    /// The current URL's path and query (`/todoke/submissions?page=2`).
    pub async fn location(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    pub async fn attr(&self, id: &str, name: &str) -> Option<String> {
        self.by_id(id).await.attr(name).await.expect("attribute")
    }

    pub async fn value(&self, id: &str) -> String {
        self.by_id(id)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Runs axe-core with the WCAG 2.x A/AA rules and fails on any violation, naming `state`.
    pub async fn assert_accessible(&self, state: &str) {
        let axe_path = std::env::var_os("TODOKE_AXE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join(".tools/node_modules/axe-core/axe.min.js")
            });
        let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
            panic!(
                "axe-core not found at {} ({e}): `cargo xtask test` installs it",
                axe_path.display()
            )
        });
        self.client
            .execute(&axe, vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
                  .then(r => done(JSON.stringify({ ok: true, passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary) })) })))
                  .catch(e => done(JSON.stringify({ ok: false, error: String(e) })));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        let report: Value =
            serde_json::from_str(result.as_str().unwrap_or("{}")).expect("axe report");
        assert_eq!(report["ok"], true, "axe failed to run on {state}: {report}");
        assert!(
            report["passes"].as_u64().unwrap_or(0) > 0,
            "axe checked nothing on {state}"
        );
        let violations = report["violations"].as_array().cloned().unwrap_or_default();
        assert!(
            violations.is_empty(),
            "accessibility violations on {state}:\n{}",
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        );
    }

    /// Signs in from the login page with the keyboard: user ID, Tab, password, Enter.
    pub async fn sign_in(&self, user: &str, password: &str) {
        self.tab_to("todoke-user_id").await;
        self.type_text(user).await;
        self.press(Key::Tab).await;
        self.type_text(password).await;
        self.press(Key::Enter).await;
    }

    /// Moves focus backwards with Shift+Tab until the element with `id` has it (bounded).
    pub async fn shift_tab_to(&self, id: &str) {
        let chord: String = [
            char::from(Key::Shift),
            char::from(Key::Tab),
            char::from(Key::Null),
        ]
        .iter()
        .collect();
        for _ in 0..60 {
            if self.focused_id().await == id {
                return;
            }
            self.type_text(&chord).await;
        }
        panic!("Shift+Tab never reached #{id}");
    }

    /// Signs out with the header's button (before the page content, so Shift+Tab reaches it)
    /// and waits for the login page.
    ///
    /// The app may move focus on the next frame after an action (to its notice), which can take
    /// it off the button between Shift+Tab and Enter; a user would press again, and so does this.
    pub async fn sign_out(&self) {
        let login = Locator::XPath("//h1[normalize-space()='ログイン']");
        for _ in 0..3 {
            self.shift_tab_to("todoke-logout").await;
            self.press(Key::Enter).await;
            let shown = self
                .client
                .wait()
                .at_most(Duration::from_secs(5))
                .for_element(login)
                .await;
            if shown.is_ok() {
                return;
            }
        }
        self.wait_for_heading("ログイン").await;
    }

    /// What the page loaded and whether the app started, for failure messages.
    pub async fn diagnostics(&self) -> String {
        self.client
            .execute(
                "return JSON.stringify({url: location.href, app: typeof window.wasmBindings, \
                 crash: (document.querySelector('.todoke-crash') || {dataset: {}}).dataset.detail, \
                 resources: performance.getEntriesByType('resource').map(e => e.name + ' ' + (e.responseStatus || '') + ' ' + e.transferSize)})",
                vec![],
            )
            .await
            .map(|v| v.to_string())
            .unwrap_or_else(|e| e.to_string())
            + &self.probe("/healthz").await
            + &self.probe("/api/v1/service-status").await
    }

    /// Asks the server directly (not through the browser) whether it still answers.
    async fn probe(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.base.trim_start_matches("http://").to_string();
        let attempt = async {
            let mut stream = tokio::net::TcpStream::connect(&addr).await.ok()?;
            let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
            stream.write_all(req.as_bytes()).await.ok()?;
            let mut out = String::new();
            stream.read_to_string(&mut out).await.ok()?;
            Some(out.lines().next().unwrap_or_default().to_string())
        };
        match tokio::time::timeout(Duration::from_secs(5), attempt).await {
            Ok(Some(line)) => format!("\n{path}: {line}"),
            Ok(None) => format!("\n{path}: connection failed"),
            Err(_) => format!("\n{path}: no answer in 5 s"),
        }
    }

    /// Saves a screenshot to `$TODOKE_SCREENSHOTS/<name>.png` when that variable is set, so a
    /// person can look at what the journeys saw.
    pub async fn snapshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("TODOKE_SCREENSHOTS") else {
            return;
        };
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), png)
            .expect("write screenshot");
    }

    pub async fn finish(self) {
        let _ = self.client.clone().close().await;
    }
}

async fn connect(browser: Browser, port: u16) -> Client {
    // Wait until the driver listens, then open one session; WebKit under Xvfb can take a while.
    let addr = format!("127.0.0.1:{port}");
    for _ in 0..300 {
        if tokio::net::TcpStream::connect(&addr).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(browser.capabilities());
    match tokio::time::timeout(
        Duration::from_secs(90),
        builder.connect(&format!("http://{addr}")),
    )
    .await
    {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => panic!("could not open a {browser:?} session: {e}"),
        Err(_) => panic!("opening a {browser:?} session timed out"),
    }
}
