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
    Firefox,
}

/// Browsers share two cores with the server: run one journey at a time.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct Driver {
    child: Child,
    /// Firefox's profiles (tens of MB each), removed after the group is killed.
    _profiles: Option<tempfile::TempDir>,
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
        let mut profiles = None;
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
            // Headless Firefox needs no display; its window size comes from the environment
            // (it has no command-line flag for it). The BiDi WebSocket gets a free port of its
            // own too (its default, 9222, would clash with a second run on the machine).
            Browser::Firefox => {
                assert!(
                    std::path::Path::new("/usr/bin/firefox-esr").exists(),
                    "no /usr/bin/firefox-esr: `cargo xtask test` (or `cargo xtask install`) installs Debian's firefox-esr"
                );
                let mut c = Command::new(geckodriver());
                c.args(["--port", &port.to_string()])
                    .args(["--websocket-port", &free_port().to_string()])
                    .env("MOZ_HEADLESS_WIDTH", "1200")
                    .env("MOZ_HEADLESS_HEIGHT", "900");
                // A killed driver cannot remove its profile; the directory goes with the Driver.
                let dir = tempfile::tempdir().expect("temp dir for Firefox profiles");
                c.arg("--profile-root").arg(dir.path());
                profiles = Some(dir);
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
        Driver {
            child,
            _profiles: profiles,
        }
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
            // The prefs keep an offline Firefox quiet: no updates, telemetry, captive-portal,
            // connectivity or remote-settings requests, no first-run pages.
            Browser::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless"],
                    "prefs": {
                        "intl.accept_languages": "ja",
                        "intl.locale.requested": "ja",
                        "app.update.auto": false,
                        "app.update.enabled": false,
                        "app.update.checkInstallTime": false,
                        "app.normandy.enabled": false,
                        "app.shield.optoutstudies.enabled": false,
                        "nimbus.rollouts.enabled": false,
                        "browser.backup.enabled": false,
                        "browser.discovery.enabled": false,
                        "browser.region.update.enabled": false,
                        "browser.region.network.url": "",
                        "browser.newtab.preload": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "browser.startup.homepage_override.mstone": "ignore",
                        "browser.aboutwelcome.enabled": false,
                        "browser.newtabpage.enabled": false,
                        "browser.search.update": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "browser.safebrowsing.downloads.enabled": false,
                        "browser.safebrowsing.provider.mozilla.updateURL": "",
                        "datareporting.healthreport.uploadEnabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        "toolkit.telemetry.unified": false,
                        "toolkit.telemetry.server": "",
                        "extensions.update.enabled": false,
                        "extensions.getAddons.cache.enabled": false,
                        "media.gmp-manager.updateEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "network.dns.disablePrefetch": true,
                        "network.prefetch-next": false,
                        "services.settings.server": "data:,#remote-settings-dummy/v1"
                    }
                }
            }),
        };
        caps.as_object().cloned().unwrap_or_default()
    }
}

/// geckodriver, which `cargo xtask test` builds into `.tools/geckodriver` (Debian has none):
/// `$TODOKE_GECKODRIVER` when set, else that place.
fn geckodriver() -> PathBuf {
    let path = std::env::var_os("TODOKE_GECKODRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/geckodriver/bin/geckodriver")
        });
    assert!(
        path.exists(),
        "geckodriver not found at {}: `cargo xtask test` (or `cargo xtask install`) builds it there",
        path.display()
    );
    path
}

/// What a journey needs to change in the server's configuration.
#[derive(Default)]
pub struct ServerOptions {
    pub session_idle: Option<time::Duration>,
    pub service_hours: Option<todoke_core::ServiceHours>,
    /// Serve this directory instead of the SPA build (e.g. a copy with a host page).
    pub dist_dir: Option<PathBuf>,
    /// Require a client certificate (as a deployment behind a TLS-terminating proxy would),
    /// with no proxy trusted: every request is refused.
    pub require_client_certificate: bool,
    /// The operator's announcement for the list page: Japanese, and English if any.
    pub announcement: Option<(
        todoke_core::announcement::Announcement,
        Option<todoke_core::announcement::Announcement>,
    )>,
}

/// A running server with the demo accounts, and a browser session pointed at it.
pub struct Journey {
    pub client: Client,
    pub base: String,
    browser: Browser,
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
        if options.require_client_certificate {
            config.client_cert_header =
                todoke_server::tls::ClientCertHeader::parse("X-Client-Verify");
        }
        let state = todoke_server::build_state(config, Arc::new(SystemClock))
            .await
            .expect("server state");
        todoke_server::accounts::seed_demo(&state)
            .await
            .expect("demo accounts");
        if let Some((ja, en)) = &options.announcement {
            todoke_server::announcement::set(
                &state.pool,
                ja,
                en.as_ref(),
                time::OffsetDateTime::now_utc(),
            )
            .await
            .expect("announcement");
        }
        let server = todoke_server::start(state).await.expect("server starts");
        let base = format!("http://{}", server.addr);

        let port = free_port();
        let driver = browser.start_driver(port);
        let client = connect(browser, port).await;
        Journey {
            client,
            base,
            browser,
            _server: server,
            _driver: driver,
            _db: db,
            _turn: turn,
        }
    }

    /// The server's state, for a journey that sets up what only the operator's commands make.
    pub fn state(&self) -> &todoke_server::AppState {
        &self._server.state
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
        self.keep_page_focused().await;
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

    /// Firefox only: Tab past the page's last control (or Shift+Tab before its first) leaves
    /// the page for the browser's own toolbar, and there WebDriver's keys go on moving the
    /// page's focus, but Enter no longer activates a button. A user tabs on through the toolbar
    /// back into the page; selecting the tab again does the same for the journeys.
    async fn keep_page_focused(&self) {
        if self.browser != Browser::Firefox {
            return;
        }
        let focused = self
            .client
            .execute("return document.hasFocus()", vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool());
        if focused == Some(false)
            && let Ok(tab) = self.client.window().await
        {
            let _ = self.client.switch_to_window(tab).await;
        }
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
        self.keep_page_focused().await;
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

    /// Fetches what link `id` points at, from the page and with its cookies (following the link
    /// would start a download the browser keeps to itself): the status, the content type and
    /// whether the body starts as a PDF does.
    pub async fn fetch_link(&self, id: &str) -> (u64, String, bool) {
        let script = r#"
            const done = arguments[arguments.length - 1];
            fetch(document.getElementById(arguments[0]).href, { credentials: 'same-origin' })
                .then(async r => {
                    const head = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
                    done([r.status, r.headers.get('content-type') || '',
                          String.fromCharCode(...head) === '%PDF-']);
                })
                .catch(e => done([0, String(e), false]));
        "#;
        let answer = self
            .client
            .execute_async(script, vec![serde_json::json!(id)])
            .await
            .expect("fetch the link");
        (
            answer[0].as_u64().unwrap_or_default(),
            answer[1].as_str().unwrap_or_default().to_string(),
            answer[2].as_bool().unwrap_or_default(),
        )
    }

    pub async fn value(&self, id: &str) -> String {
        self.by_id(id)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Runs axe-core with the WCAG 2.x A/AA rules and its best practices, then checks reflow at
    /// 320 CSS px (WCAG 1.4.10); fails on any violation, naming `state`.
    pub async fn assert_accessible(&self, state: &str) {
        self.assert_axe_clean(state).await;
        self.assert_reflows(state).await;
    }

    async fn assert_axe_clean(&self, state: &str) {
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
                axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
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

    /// At 320 CSS px wide nothing of the app may stick out of the viewport, except inside a
    /// scroll region (`.todoke-table-wrap`) that is labelled and reachable with the keyboard.
    async fn assert_reflows(&self, state: &str) {
        let (x, y, width, height) = self.client.get_window_rect().await.expect("window rect");
        let [x, y, width, height] = [x, y, width, height].map(|v| u32::try_from(v).unwrap_or(0));
        self.client
            .set_window_rect(x, y, 320, height)
            .await
            .expect("narrow the window");
        let report = self
            .client
            .execute_async(
                r##"const done = arguments[arguments.length - 1];
                const root = document.documentElement;
                // Firefox and WebKitGTK keep windows wider than 320px; there the page's root is
                // narrowed to 320px instead (the app has no width media queries, so its layout is
                // what a 320px viewport gives).
                const check = narrowedRoot => {
                  const vw = narrowedRoot ? 320 : root.clientWidth;
                  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
                  const out = [];
                  const pageWidth = Math.max(narrowedRoot ? 0 : root.scrollWidth, document.body.scrollWidth);
                  if (pageWidth > vw)
                    out.push("the page scrolls sideways: " + pageWidth + "px in " + vw + "px");
                  for (const el of document.querySelectorAll(".todoke *")) {
                    if (el.parentElement.closest(".todoke-table-wrap")) continue;
                    const r = el.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    // A modal dialog is laid out against the real viewport, not the root.
                    const limit = narrowedRoot && el.closest("dialog[open]") ? root.clientWidth : vw;
                    if (r.right > limit + 1) out.push(name(el) + " ends at " + Math.round(r.right) + "px in " + vw + "px");
                  }
                  for (const el of document.querySelectorAll(".todoke .todoke-table-wrap")) {
                    const labelled = el.getAttribute("aria-labelledby") || el.getAttribute("aria-label");
                    if (el.getAttribute("role") !== "region" || !labelled || el.tabIndex !== 0)
                      out.push(name(el) + " scrolls but is not a labelled, focusable region");
                  }
                  return { width: vw, problems: out };
                };
                const started = Date.now();
                let last = -1, steady = 0;
                const poll = () => {
                  const w = root.clientWidth;
                  steady = w === last ? steady + 1 : 0;
                  last = w;
                  if (w <= 340) return done(JSON.stringify(check(false)));
                  if (steady < 5 && Date.now() - started < 2000) return requestAnimationFrame(poll);
                  const width = root.style.width;
                  root.style.width = "320px";
                  requestAnimationFrame(() => {
                    const r = check(true);
                    root.style.width = width;
                    done(JSON.stringify(r));
                  });
                };
                requestAnimationFrame(poll);"##,
                vec![],
            )
            .await
            .expect("measure reflow");
        self.client
            .set_window_rect(x, y, width, height)
            .await
            .expect("restore the window");
        let report: Value =
            serde_json::from_str(report.as_str().unwrap_or("{}")).expect("reflow report");
        let problems = report["problems"].as_array().cloned().unwrap_or_default();
        assert!(
            problems.is_empty(),
            "content does not reflow at 320px on {state} (viewport {}px):\n{}",
            report["width"],
            serde_json::to_string_pretty(&problems).unwrap_or_default()
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
