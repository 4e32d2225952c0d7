//! 「接続確認」 (the notice's section 【3】): reachable without signing in, it checks step by step
//! what the notice's troubleshooting walks through, and says for each failed step what to do.
//! The outcomes are plain functions of what the browser and the server answered; the page only
//! runs them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use todoke_core::api::{ErrorCode, ServiceStatus};

use crate::api::{self, ClientError};
use crate::components::page::PageHeading;
use crate::text as t;

/// A computer clock further off than this is reported.
const CLOCK_TOLERANCE_MINUTES: i64 = 5;

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Running,
    Ok(String),
    Problem(String),
    /// An earlier step failed, so this one cannot be checked.
    Skipped(String),
}

impl Outcome {
    fn label(&self) -> &'static str {
        match self {
            Self::Running => t::CHECK_RUNNING(),
            Self::Ok(_) => t::CHECK_OK(),
            Self::Problem(_) => t::CHECK_PROBLEM(),
            Self::Skipped(_) => t::CHECK_SKIPPED(),
        }
    }

    fn text(&self) -> String {
        match self {
            Self::Running => String::new(),
            Self::Ok(s) | Self::Problem(s) | Self::Skipped(s) => s.clone(),
        }
    }
}

/// What the server's answer says about the connection, the hours, the client certificate and
/// the clock (`browser_now_ms`: the browser's clock when the answer came).
pub fn server_outcomes(
    answer: &Result<ServiceStatus, ClientError>,
    browser_now_ms: f64,
) -> [Outcome; 4] {
    let skipped = || Outcome::Skipped(t::CHECK_NEEDS_SERVER().to_string());
    match answer {
        Ok(status) => {
            let hours = if status.open {
                Outcome::Ok(t::check_hours_open(&status.hours))
            } else {
                Outcome::Problem(
                    status
                        .message
                        .clone()
                        .unwrap_or_else(|| status.hours.clone()),
                )
            };
            let clock = match status.server_time {
                Some(server) => {
                    let server_ms = (server.unix_timestamp_nanos() / 1_000_000) as f64;
                    let minutes = ((browser_now_ms - server_ms).abs() / 60_000.0).round() as i64;
                    if minutes >= CLOCK_TOLERANCE_MINUTES {
                        Outcome::Problem(t::check_clock_off(minutes))
                    } else {
                        Outcome::Ok(t::CHECK_CLOCK_OK().to_string())
                    }
                }
                None => skipped(),
            };
            [
                Outcome::Ok(t::CHECK_SERVER_OK().to_string()),
                hours,
                Outcome::Ok(t::CHECK_CERTIFICATE_OK().to_string()),
                clock,
            ]
        }
        // Reached, but refused for want of a certificate: the rest needs the certificate.
        Err(e) if e.code() == Some(ErrorCode::ClientCertificateRequired) => [
            Outcome::Ok(t::CHECK_SERVER_OK().to_string()),
            skipped(),
            Outcome::Problem(t::CHECK_CERTIFICATE_FAILED().to_string()),
            skipped(),
        ],
        Err(_) => [
            Outcome::Problem(t::CHECK_SERVER_FAILED().to_string()),
            skipped(),
            skipped(),
            skipped(),
        ],
    }
}

/// The cookie step from whether a test cookie came back.
pub fn cookie_outcome(works: bool) -> Outcome {
    if works {
        Outcome::Ok(t::CHECK_COOKIES_OK().to_string())
    } else {
        Outcome::Problem(t::CHECK_COOKIES_FAILED().to_string())
    }
}

/// The line the status region reads once every step has an outcome.
pub fn summary(outcomes: &[Outcome]) -> Option<String> {
    if outcomes.contains(&Outcome::Running) {
        return None;
    }
    let problems = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Problem(_)))
        .count();
    Some(if problems == 0 {
        t::CHECK_DONE_OK().to_string()
    } else {
        t::check_done_problems(problems)
    })
}

#[component]
pub fn ConnectionCheckPage() -> impl IntoView {
    // The page is running, so script and wasm are: the first step cannot fail here (a browser
    // without them keeps the loading message of index.html, which says what to do).
    let names = [
        t::CHECK_SCRIPT(),
        t::CHECK_COOKIES(),
        t::CHECK_SERVER(),
        t::CHECK_HOURS(),
        t::CHECK_CERTIFICATE(),
        t::CHECK_CLOCK(),
    ];
    let outcomes = RwSignal::new(vec![Outcome::Running; names.len()]);
    let run = move || {
        outcomes.set(vec![Outcome::Running; names.len()]);
        // Not a page request (`crate::hooks`): a failure here is the step's outcome, not an alert.
        spawn_local(async move {
            let answer = api::service_status().await;
            let server = server_outcomes(&answer, api::now_ms());
            let mut all = vec![
                Outcome::Ok(t::CHECK_SCRIPT_OK().to_string()),
                cookie_outcome(crate::dom::cookies_work()),
            ];
            all.extend(server);
            outcomes.set(all);
        });
    };
    run();
    view! {
        <div class="todoke-page">
            <PageHeading text=t::CHECK_TITLE() />
            <p class="todoke-lead">{t::CHECK_INTRO()}</p>
            <p id="todoke-check-status" role="status" class="todoke-check__summary">
                {move || outcomes.with(|o| summary(o)).unwrap_or_else(|| t::CHECK_RUNNING().to_string())}
            </p>
            <ol class="todoke-check">
                {names.into_iter().enumerate().map(|(i, name)| {
                    let outcome = move || outcomes.with(|o| o[i].clone());
                    view! {
                        <li
                            id=format!("todoke-check-{i}")
                            class="todoke-check__step"
                            class:todoke-check__step--problem=move || matches!(outcome(), Outcome::Problem(_))
                        >
                            <h2 class="todoke-heading-m">{name}</h2>
                            <p>
                                <strong class="todoke-check__outcome">{move || outcome().label()}</strong>
                                " "{move || outcome().text()}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button
                id="todoke-check-again"
                type="button"
                class="todoke-button todoke-button--secondary"
                on:click=move |_| run()
            >
                {t::CHECK_AGAIN()}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn status(open: bool, server_time: Option<time::OffsetDateTime>) -> ServiceStatus {
        ServiceStatus {
            open,
            hours: "月曜日から土曜日の8時00分から21時00分まで（日本時間）".into(),
            server_time,
            resumes_at: None,
            message: (!open).then(|| "サービス時間外です。".to_string()),
        }
    }

    const NOON_MS: f64 = 1_764_734_400_000.0; // 2025-12-03 04:00 UTC

    #[test]
    fn an_open_service_with_the_right_clock_passes_every_step() {
        let server = time::OffsetDateTime::from_unix_timestamp(1_764_734_400).unwrap();
        let o = server_outcomes(&Ok(status(true, Some(server))), NOON_MS + 120_000.0);
        assert!(o.iter().all(|o| matches!(o, Outcome::Ok(_))), "{o:?}");
        assert_eq!(summary(&o), Some(t::CHECK_DONE_OK().to_string()));
    }

    #[test]
    fn a_clock_five_minutes_off_is_a_problem_with_the_minutes() {
        let server = datetime!(2025-12-03 04:00 UTC);
        let o = server_outcomes(&Ok(status(true, Some(server))), NOON_MS - 7.0 * 60_000.0);
        assert_eq!(o[3], Outcome::Problem(t::check_clock_off(7)));
        let o = server_outcomes(&Ok(status(false, Some(server))), NOON_MS);
        assert_eq!(o[1], Outcome::Problem("サービス時間外です。".into()));
        assert_eq!(summary(&o), Some(t::check_done_problems(1)));
    }

    #[test]
    fn no_server_or_no_certificate_skips_what_depends_on_it() {
        let o = server_outcomes(&Err(ClientError::Network), NOON_MS);
        assert_eq!(o[0], Outcome::Problem(t::CHECK_SERVER_FAILED().to_string()));
        assert!(o[1..].iter().all(|o| matches!(o, Outcome::Skipped(_))));
        let refused = ClientError::Api(todoke_core::ApiError::new(
            ErrorCode::ClientCertificateRequired,
            "x",
        ));
        let o = server_outcomes(&Err(refused), NOON_MS);
        assert!(matches!(o[0], Outcome::Ok(_)));
        assert_eq!(
            o[2],
            Outcome::Problem(t::CHECK_CERTIFICATE_FAILED().to_string())
        );
        assert_eq!(summary(&[Outcome::Running]), None);
        assert_eq!(
            cookie_outcome(false),
            Outcome::Problem(t::CHECK_COOKIES_FAILED().to_string())
        );
    }
}
