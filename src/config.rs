//! Configuration the host page gives the app through data attributes on its host element.

/// Where the app lives and where its API answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    /// Router base path, "" at the site root or e.g. "/todoke" when embedded under a path.
    pub base_path: String,
    /// The JSON API base, e.g. "/api/v1". Must be same-site with the page (Safari blocks
    /// third-party cookies), so bureaus reverse-proxy it.
    pub api_base: String,
    /// True when the host page has its own header and main landmarks: the app then renders
    /// regions instead, so the page keeps one `main`.
    pub embedded: bool,
}

impl AppConfig {
    /// The URL path of the app path `path` ("/procedures"): the base path prefixed. Every in-app
    /// link's `href` goes through this (`router::Link` takes the href as it is).
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The app path of the URL path `pathname` (the inverse of [`AppConfig::href`]), `None` when
    /// it is not under the base path.
    pub fn below_base<'a>(&self, pathname: &'a str) -> Option<&'a str> {
        let rest = pathname.strip_prefix(self.base_path.as_str())?;
        (rest.is_empty() || rest.starts_with('/')).then_some(rest)
    }

    /// Whether a click on a same-origin link to `link` is the app's to route, seen from the page
    /// at `page`. Only the base path itself and paths under `base/` are the app's (not
    /// `/todoke-news.html` beside an app under `/todoke`), and a fragment link to the page being
    /// shown is the browser's: a host's skip link must move focus.
    pub fn routes_link(&self, page: &LinkTarget, link: &LinkTarget) -> bool {
        let same_document = link.path == page.path && link.search == page.search;
        if same_document && link.has_fragment {
            return false;
        }
        let base = self.base_path.as_str();
        base.is_empty()
            || link.path == base
            || link
                .path
                .strip_prefix(base)
                .is_some_and(|rest| rest.starts_with('/'))
    }

    /// Builds the configuration from raw attribute values, normalising slashes.
    pub fn from_attributes(
        base_path: Option<String>,
        api_base: Option<String>,
        embedded: Option<String>,
    ) -> Self {
        let base_path = base_path
            .unwrap_or_default()
            .trim()
            .trim_end_matches('/')
            .to_string();
        let base_path = if base_path.is_empty() || base_path.starts_with('/') {
            base_path
        } else {
            format!("/{base_path}")
        };
        let api_base = api_base
            .map(|a| a.trim().trim_end_matches('/').to_string())
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| "/api/v1".to_string());
        let embedded = embedded.is_some_and(|e| e == "true" || e.is_empty());
        Self {
            base_path,
            api_base,
            embedded,
        }
    }

    pub fn from_host_element() -> (web_sys::HtmlElement, Self) {
        use wasm_bindgen::JsCast;
        let document = leptos::prelude::document();
        let host = document
            .query_selector("[data-todoke-app]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .unwrap_or_else(|| document.body().expect("page has a body"));
        let data = host.dataset();
        let config = Self::from_attributes(
            data.get("basePath"),
            data.get("apiBase"),
            data.get("embedded"),
        );
        (host, config)
    }
}

/// The parts of a same-origin URL that decide who handles a link: its path, its query and
/// whether it names a fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    pub path: String,
    pub search: String,
    pub has_fragment: bool,
}

/// [`AppConfig::href`] with the configuration the app was started with.
pub fn app_href(path: &str) -> String {
    leptos::prelude::use_context::<AppConfig>().map_or_else(|| path.to_string(), |c| c.href(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_paths_are_read_below_the_base_only() {
        let embedded = AppConfig::from_attributes(Some("/todoke/".into()), None, None);
        assert_eq!(embedded.below_base("/todoke/login"), Some("/login"));
        assert_eq!(embedded.below_base("/todoke"), Some(""));
        assert_eq!(embedded.below_base("/todoke-news/login"), None);
        assert_eq!(embedded.below_base("/login"), None);
        let root = AppConfig::from_attributes(None, None, None);
        assert_eq!(root.below_base("/login"), Some("/login"));
        assert_eq!(root.below_base(&root.href("/review/3")), Some("/review/3"));
    }

    #[test]
    fn defaults_at_the_site_root() {
        let c = AppConfig::from_attributes(None, None, None);
        assert_eq!(
            c,
            AppConfig {
                base_path: String::new(),
                api_base: "/api/v1".into(),
                embedded: false
            }
        );
    }

    #[test]
    fn normalises_slashes_for_embedding() {
        let c = AppConfig::from_attributes(
            Some("todoke/".into()),
            Some("/todoke/api/v1/".into()),
            Some("true".into()),
        );
        assert_eq!(c.base_path, "/todoke");
        assert_eq!(c.api_base, "/todoke/api/v1");
        assert!(c.embedded);
        assert_eq!(c.href("/procedures"), "/todoke/procedures");
        let root = AppConfig::from_attributes(None, None, None);
        assert_eq!(root.href("/submissions?page=2"), "/submissions?page=2");
    }

    fn target(path: &str, search: &str, has_fragment: bool) -> LinkTarget {
        LinkTarget {
            path: path.into(),
            search: search.into(),
            has_fragment,
        }
    }

    #[test]
    fn embedded_app_routes_only_paths_under_its_base() {
        let c = AppConfig::from_attributes(Some("/todoke".into()), None, Some("true".into()));
        let page = target("/todoke/login", "", false);
        for own in ["/todoke", "/todoke/", "/todoke/submissions", "/todoke/a/b"] {
            assert!(c.routes_link(&page, &target(own, "", false)), "{own}");
        }
        for host in [
            "/todoke-news.html",
            "/todokedoke",
            "/",
            "/news/todoke",
            "/Todoke/login",
        ] {
            assert!(!c.routes_link(&page, &target(host, "", false)), "{host}");
        }
    }

    #[test]
    fn fragment_links_to_the_shown_page_stay_with_the_browser() {
        let c = AppConfig::from_attributes(Some("/todoke".into()), None, None);
        let page = target("/todoke/login", "", false);
        // The host's skip link (`href="#host-main"`) resolves to the page itself.
        assert!(!c.routes_link(&page, &target("/todoke/login", "", true)));
        // A fragment on another page of the app is a navigation.
        assert!(c.routes_link(&page, &target("/todoke/manual", "", true)));
        let listed = target("/todoke/submissions", "?page=2", false);
        assert!(!c.routes_link(&listed, &target("/todoke/submissions", "?page=2", true)));
        assert!(c.routes_link(&listed, &target("/todoke/submissions", "?page=3", true)));
    }

    #[test]
    fn app_at_the_site_root_routes_every_path() {
        let c = AppConfig::from_attributes(None, None, None);
        let page = target("/login", "", false);
        assert!(c.routes_link(&page, &target("/todoke-news.html", "", false)));
        assert!(!c.routes_link(&page, &target("/login", "", true)));
    }
}
