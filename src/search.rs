//! Search conditions of the filing lists, kept in the URL so that Back, reload and bookmarks
//! work. Plain functions, unit-tested.

use todoke_core::api::FilingQuery;

/// The query as the URL carries it (`?status=submitted&page=2`); empty values are left out.
pub fn to_query_string(q: &FilingQuery) -> String {
    let pairs = [
        ("procedure", &q.procedure),
        ("status", &q.status),
        ("submitted_from", &q.submitted_from),
        ("submitted_to", &q.submitted_to),
        ("arrival_number", &q.arrival_number),
        ("sort", &q.sort),
        ("page", &q.page),
        ("per_page", &q.per_page),
    ];
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", encode(v)))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Builds the query from a lookup of URL parameters.
pub fn from_params(get: impl Fn(&str) -> Option<String>) -> FilingQuery {
    let get = |k: &str| get(k).filter(|v| !v.trim().is_empty());
    FilingQuery {
        procedure: get("procedure"),
        status: get("status"),
        submitted_from: get("submitted_from"),
        submitted_to: get("submitted_to"),
        arrival_number: get("arrival_number"),
        sort: get("sort"),
        page: get("page"),
        per_page: get("per_page"),
    }
}

/// The same query on another page.
pub fn with_page(q: &FilingQuery, page: u32) -> FilingQuery {
    FilingQuery {
        page: Some(page.to_string()),
        ..q.clone()
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// 「全25件中 21〜25件を表示」
pub fn range_text(total: u64, page: u32, per_page: u32) -> Option<(u64, u64)> {
    if total == 0 {
        return None;
    }
    let first = u64::from(page.saturating_sub(1)) * u64::from(per_page) + 1;
    let last = (first + u64::from(per_page) - 1).min(total);
    (first <= total).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_url() {
        let q = FilingQuery {
            procedure: Some("staff-change".into()),
            status: Some("submitted".into()),
            arrival_number: Some("2026 11".into()),
            page: Some("2".into()),
            ..Default::default()
        };
        let s = to_query_string(&q);
        assert_eq!(
            s,
            "?procedure=staff-change&status=submitted&arrival_number=2026%2011&page=2"
        );
        let params: std::collections::HashMap<&str, &str> = [
            ("procedure", "staff-change"),
            ("status", "submitted"),
            ("arrival_number", "2026 11"),
            ("page", "2"),
            ("sort", " "),
        ]
        .into_iter()
        .collect();
        assert_eq!(from_params(|k| params.get(k).map(|v| v.to_string())), q);
    }

    #[test]
    fn empty_query_is_no_query() {
        assert_eq!(to_query_string(&FilingQuery::default()), "");
        assert_eq!(
            to_query_string(&with_page(&FilingQuery::default(), 3)),
            "?page=3"
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(range_text(0, 1, 20), None);
        assert_eq!(range_text(25, 1, 20), Some((1, 20)));
        assert_eq!(range_text(25, 2, 20), Some((21, 25)));
        assert_eq!(range_text(25, 3, 20), None);
    }
}
