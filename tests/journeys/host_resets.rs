//! Host resets (issue 12): a bureau's page may carry a CSS reset or a CMS theme with global
//! element rules, and the app must look the same under it. For each host stylesheet in
//! `fixtures/hosts/` the bureau's page (see `embedding.rs`) links the sheet in its `<head>`, and
//! the journey reads a fixed list of computed properties of a fixed list of the app's elements on
//! the main pages: the login page with its error summary, the submissions list, and a wizard step
//! with its error summary. Every value must equal the one on the same page with no host styles;
//! a failure names the sheet, the page, the element, the property and both values.
//!
//! The sheet is switched by rewriting the host page, not by script: each sheet is measured on a
//! page the browser loaded with it, as a bureau's visitor gets it. With `TODOKE_HOST_STYLES` set
//! to a directory, every value read is written there as `<browser>.json`; with
//! `TODOKE_SCREENSHOTS`, a screenshot of every page under every sheet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::embedding::{bureau_site, embedded_login};
use crate::filing::{change_initial_password, contact_page, next};
use crate::harness::{Browser, Journey};

/// The host stylesheets, by file name in `fixtures/hosts/` (without `.css`); the first has no
/// rules and gives the values the others are compared with.
const SHEETS: [&str; 7] = [
    "none",
    "modern-normalize",
    "sanitize",
    "meyer-reset",
    "tailwind-preflight",
    "bureau-cms",
    "legacy-portal",
];

/// The computed properties compared on every element.
const PROPERTIES: &[&str] = &[
    "display",
    "box-sizing",
    "margin-top",
    "margin-right",
    "margin-bottom",
    "margin-left",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-style",
    "border-right-style",
    "border-bottom-style",
    "border-left-style",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
    "border-top-left-radius",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "text-indent",
    "text-align",
    "text-transform",
    "text-decoration-line",
    "text-shadow",
    "white-space",
    "word-break",
    "vertical-align",
    "list-style-type",
    "list-style-position",
    "appearance",
    "color",
    "background-color",
    "background-image",
    "box-shadow",
    "float",
    "cursor",
    "min-width",
    "max-width",
    "min-height",
    "border-collapse",
    "border-spacing",
];

/// Also compared on form controls (and `<table>`): their used size, which every box property
/// above feeds into.
const SIZES: &[&str] = &["width", "height"];

/// The elements compared on a page: a selector (its first match under `.todoke`), and whether
/// its [`SIZES`] are compared too.
type Elements = &'static [(&'static str, bool)];

/// The header as embedded (the bureau's page has the banner) and the page frame.
const FRAME: Elements = &[
    (".todoke", false),
    (".todoke .todoke-skip-link", false),
    (".todoke .todoke-header", false),
    (".todoke .todoke-header__bar", false),
    (".todoke .todoke-header__service", false),
    (".todoke .todoke-header__service a", false),
    (".todoke .todoke-main", false),
    (".todoke .todoke-heading", false),
];

/// The login page after 「ログイン」 with nothing entered.
const LOGIN: Elements = &[
    (".todoke .todoke-error-summary", false),
    (".todoke .todoke-error-summary__title", false),
    (".todoke .todoke-error-summary__list", false),
    (".todoke .todoke-error-summary__list li", false),
    (".todoke .todoke-error-summary__list a", false),
    (".todoke .todoke-lead", false),
    (".todoke .todoke-form", false),
    (".todoke .todoke-field--error", false),
    (".todoke .todoke-label", false),
    (".todoke .todoke-label__text", false),
    (".todoke .todoke-badge", false),
    (".todoke .todoke-hint", false),
    (".todoke .todoke-error-message", false),
    ("#todoke-user_id", true),
    (".todoke .todoke-password", false),
    (".todoke .todoke-password__input", true),
    (".todoke .todoke-password__toggle", true),
    (".todoke .todoke-form > .todoke-button", true),
    (".todoke .todoke-help", false),
    (".todoke .todoke-help .todoke-heading-m", false),
    (".todoke .todoke-help p", false),
    (".todoke .todoke-help a", false),
];

/// The submissions list of a signed-in user, with the header's navigation and account.
const LIST: Elements = &[
    (".todoke .todoke-header__nav ul", false),
    (".todoke .todoke-header__nav li", false),
    (".todoke .todoke-header__nav a", false),
    ("#todoke-logout", true),
    (".todoke .todoke-account__list", false),
    (".todoke .todoke-account__list dt", false),
    (".todoke .todoke-account__list dd", false),
    ("#todoke-new-filing", false),
    (".todoke .todoke-search", false),
    (".todoke .todoke-search .todoke-heading-m", false),
    (".todoke .todoke-search__grid", false),
    (".todoke .todoke-search .todoke-label", false),
    // The sort order's options are fixed; the procedures arrive later, and Firefox does not
    // always widen the select for them (with or without host styles).
    ("#todoke-search-sort", true),
    (".todoke .todoke-search .todoke-input", true),
    ("#todoke-search-submit", true),
    (".todoke .todoke-search .todoke-button-group", false),
];

/// Page 2 of the staff-change form (a staff row: text, radios, a date) after 「次へ」 with
/// nothing entered.
const WIZARD: Elements = &[
    (".todoke .todoke-caption", false),
    (".todoke .todoke-error-summary", false),
    (".todoke .todoke-error-summary__title", false),
    (".todoke .todoke-error-summary__list", false),
    (".todoke .todoke-error-summary__list li", false),
    (".todoke .todoke-error-summary__list a", false),
    (".todoke .todoke-form", false),
    (".todoke .todoke-row", false),
    (".todoke .todoke-row__legend", false),
    (".todoke .todoke-field--error", false),
    (".todoke .todoke-label", false),
    (".todoke .todoke-error-message", false),
    (".todoke .todoke-input[aria-invalid]", true),
    (".todoke .todoke-fieldset", false),
    (".todoke .todoke-fieldset legend", false),
    (".todoke .todoke-radios", false),
    (".todoke .todoke-radio", false),
    (".todoke .todoke-radio__input", true),
    (".todoke .todoke-radio label", false),
    (".todoke .todoke-date", false),
    (".todoke .todoke-date__part", false),
    (".todoke .todoke-input--year", true),
    (".todoke .todoke-input--2", true),
    (".todoke .todoke-button-group", false),
    ("#todoke-next", true),
    ("#todoke-save-draft", true),
];

/// Reads [`PROPERTIES`] (and [`SIZES`] where asked) of each element; `null` for an element
/// not (yet) on the page.
const MEASURE: &str = r#"
const [elements, properties, sizes] = arguments;
const out = {};
for (const [selector, sized] of elements) {
  const el = document.querySelector(selector);
  if (!el || !el.closest(".todoke")) { out[selector] = null; continue; }
  const style = getComputedStyle(el);
  const values = {};
  for (const p of properties.concat(sized ? sizes : [])) values[p] = style.getPropertyValue(p);
  out[selector] = values;
}
const link = document.querySelector("link[data-host-sheet]");
return { sheet: link ? link.dataset.hostSheet : null,
         rules: link && link.sheet ? link.sheet.cssRules.length : -1,
         elements: out };
"#;

/// What one page looked like under one sheet: element → property → value.
type Styles = BTreeMap<String, BTreeMap<String, String>>;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/journeys/fixtures/hosts")
}

/// The bureau's own layout, linked before every host sheet: its main at a fixed width, so that
/// the app's box (and its centred columns' auto margins) does not change with the body margin a
/// reset removes.
const BUREAU_LAYOUT: &str =
    ".bureau-main { display: block; width: 1100px; margin: 0; padding: 0; border: 0; }\n";

/// The bureau's page, rewritten to link one host sheet (served from `/host-sheets/`).
struct HostPage {
    index: PathBuf,
    page: String,
    written: u64,
}

impl HostPage {
    fn new(site: &Path) -> HostPage {
        bureau_site(site, "");
        let sheets = site.join("host-sheets");
        std::fs::create_dir_all(&sheets).expect("host sheets dir");
        for sheet in SHEETS {
            let name = format!("{sheet}.css");
            std::fs::copy(fixtures().join(&name), sheets.join(&name))
                .unwrap_or_else(|e| panic!("fixture {name}: {e}"));
        }
        std::fs::write(sheets.join("bureau-layout.css"), BUREAU_LAYOUT).expect("layout sheet");
        let index = site.join("index.html");
        let page = std::fs::read_to_string(&index).expect("host page");
        let mut host = HostPage {
            index,
            page,
            written: 0,
        };
        host.link(SHEETS[0]);
        host
    }

    /// Links `sheet` in the page's `<head>`, after the app's own stylesheet as a bureau's theme
    /// usually is. The server revalidates `index.html` by its modification time (whole
    /// seconds), so each version gets a later one than the last.
    fn link(&mut self, sheet: &str) {
        let head = format!(
            r#"<link rel="stylesheet" href="/host-sheets/bureau-layout.css">
<link rel="stylesheet" href="/host-sheets/{sheet}.css" data-host-sheet="{sheet}"></head>"#
        );
        std::fs::write(&self.index, self.page.replacen("</head>", &head, 1))
            .expect("write the host page");
        self.written += 1;
        let when = SystemTime::now() + Duration::from_secs(10 * self.written);
        std::fs::File::options()
            .write(true)
            .open(&self.index)
            .and_then(|f| f.set_modified(when))
            .expect("date the host page");
    }
}

/// Measures `elements` on the loaded page, waiting (bounded) until all are there and two reads
/// 300 ms apart agree (the app fills its lists and moves focus after the first render); checks
/// that the page is the one with `sheet`.
async fn measure(
    j: &Journey,
    browser: Browser,
    sheet: &str,
    page: &str,
    elements: Elements,
) -> Styles {
    let list: Vec<Value> = FRAME
        .iter()
        .chain(elements)
        .map(|(s, sized)| json!([s, sized]))
        .collect();
    let started = Instant::now();
    let mut last: Option<Value> = None;
    loop {
        let report = j
            .client
            .execute(MEASURE, vec![json!(list), json!(PROPERTIES), json!(SIZES)])
            .await
            .expect("measure computed styles");
        assert_eq!(
            report["sheet"], sheet,
            "the {page} page was loaded without the host sheet {sheet}"
        );
        let rules = report["rules"].as_i64().unwrap_or(-1);
        assert!(
            rules >= 0 && (sheet == SHEETS[0] || rules > 0),
            "the host sheet {sheet} did not load on the {page} page ({rules} rules)"
        );
        let missing: Vec<&String> = report["elements"]
            .as_object()
            .map(|m| {
                m.iter()
                    .filter(|(_, v)| v.is_null())
                    .map(|(k, _)| k)
                    .collect()
            })
            .unwrap_or_default();
        let settled = last.as_ref() == Some(&report["elements"]);
        if missing.is_empty() && settled {
            j.snapshot(&format!("host-{browser:?}-{sheet}-{page}").to_lowercase())
                .await;
            return serde_json::from_value(report["elements"].clone()).expect("styles");
        }
        if started.elapsed() > Duration::from_secs(20) {
            let body = j.client.source().await.unwrap_or_default();
            panic!(
                "the {page} page with {sheet} never settled; missing: {missing:?}\n--- page ---\n{body}"
            );
        }
        if missing.is_empty() {
            last = Some(report["elements"].clone());
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// One difference from the page with no host styles.
struct Difference {
    sheet: &'static str,
    page: &'static str,
    element: String,
    property: String,
    without: String,
    with: String,
}

fn compare(
    sheet: &'static str,
    page: &'static str,
    baseline: &Styles,
    styles: &Styles,
    out: &mut Vec<Difference>,
) {
    for (element, values) in baseline {
        for (property, without) in values {
            let with = styles
                .get(element)
                .and_then(|v| v.get(property))
                .cloned()
                .unwrap_or_default();
            if &with != without {
                out.push(Difference {
                    sheet,
                    page,
                    element: element.clone(),
                    property: property.clone(),
                    without: without.clone(),
                    with,
                });
            }
        }
    }
}

async fn host_resets_journey(browser: Browser) {
    let started = Instant::now();
    let site = tempfile::tempdir().expect("temp dir");
    let mut host = HostPage::new(site.path());
    let j = embedded_login(browser, site.path()).await;

    let mut measured: Vec<(&'static str, &'static str, Styles)> = Vec::new();
    // Signed out: the login page, submitted empty.
    for sheet in SHEETS {
        host.link(sheet);
        j.open("/todoke/login").await;
        j.wait_for_heading("ログイン").await;
        j.tab_to("todoke-user_id").await;
        j.press(Key::Enter).await;
        j.wait_for_focus("todoke-error-summary").await;
        measured.push((
            sheet,
            "login",
            measure(&j, browser, sheet, "login", LOGIN).await,
        ));
    }

    // Signed in, with a draft on its second page (a staff row).
    host.link(SHEETS[0]);
    j.open("/todoke/login").await;
    j.wait_for_heading("ログイン").await;
    j.sign_in("DEMO-MED", "Demo#Med0001").await;
    change_initial_password(&j, "Demo#Med0001").await;
    j.tab_to("todoke-new-filing").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("届書・申請書の作成").await;
    j.tab_to("todoke-start-staff-change").await;
    j.press(Key::Enter).await;
    j.by_id("todoke-contact_name").await;
    contact_page(&j, "山田 花子", "03-1234-5678", "staff[0].name").await;
    let wizard = j.location().await;

    for sheet in SHEETS {
        host.link(sheet);
        j.open("/todoke/submissions").await;
        j.wait_for_heading("届書・申請書検索一覧").await;
        measured.push((
            sheet,
            "list",
            measure(&j, browser, sheet, "list", LIST).await,
        ));

        j.open(&wizard).await;
        j.by_id("todoke-staff-0-name").await;
        next(&j).await;
        j.wait_for_focus("todoke-error-summary").await;
        measured.push((
            sheet,
            "wizard",
            measure(&j, browser, sheet, "wizard", WIZARD).await,
        ));
    }
    j.finish().await;

    // For a person comparing engines or versions: every value read, as JSON.
    if let Some(dir) = std::env::var_os("TODOKE_HOST_STYLES") {
        let all: BTreeMap<String, &Styles> = measured
            .iter()
            .map(|(sheet, page, styles)| (format!("{sheet}/{page}"), styles))
            .collect();
        std::fs::create_dir_all(&dir).expect("styles dir");
        let file = PathBuf::from(dir).join(format!("{browser:?}.json").to_lowercase());
        std::fs::write(file, serde_json::to_string_pretty(&all).expect("json"))
            .expect("write the styles");
    }

    let mut differences = Vec::new();
    for (sheet, page, styles) in &measured {
        let (_, _, baseline) = measured
            .iter()
            .find(|(s, p, _)| *s == SHEETS[0] && p == page)
            .expect("a baseline");
        compare(sheet, page, baseline, styles, &mut differences);
    }
    let counts: Vec<String> = SHEETS
        .iter()
        .map(|sheet| {
            let n = differences.iter().filter(|d| d.sheet == *sheet).count();
            format!("{sheet}: {n}")
        })
        .collect();
    let measured_values: usize = measured
        .iter()
        .filter(|(s, _, _)| *s == SHEETS[0])
        .map(|(_, _, styles)| styles.values().map(BTreeMap::len).sum::<usize>())
        .sum();
    eprintln!(
        "host resets in {browser:?}: {measured_values} values per sheet; differing: {} ({:.0?})",
        counts.join(", "),
        started.elapsed()
    );
    let report: Vec<String> = differences
        .iter()
        .map(|d| {
            format!(
                "{} on the {} page: {} {{ {}: {} }} is {:?} without host styles",
                d.sheet, d.page, d.element, d.property, d.with, d.without
            )
        })
        .collect();
    assert!(
        differences.is_empty(),
        "host styles change the app in {browser:?} ({}):\n{}",
        counts.join(", "),
        report.join("\n")
    );
}

in_every_browser!(host_resets_journey);
