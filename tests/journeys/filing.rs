//! Issue 3's journeys: each of the three forms filled with the keyboard alone, an input or
//! arithmetic error shown and fixed, the review page, submission and the arrival number.

use fantoccini::key::Key;
use todoke_core::forms::format_iso_date;
use todoke_core::service_hours::JST;

use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

pub(crate) fn id(path: &str) -> String {
    let safe: String = path
        .chars()
        .filter(|c| *c != ']')
        .map(|c| if matches!(c, '[' | '.') { '-' } else { c })
        .collect();
    format!("todoke-{safe}")
}

pub(crate) async fn fill(j: &Journey, path: &str, text: &str) {
    j.tab_to(&id(path)).await;
    j.type_text(text).await;
}

pub(crate) async fn refill(j: &Journey, path: &str, text: &str) {
    j.tab_to(&id(path)).await;
    j.retype(text).await;
}

/// Selects the `nth` option (0-based) of a radio group: Space on the first, then arrow keys.
pub(crate) async fn choose(j: &Journey, path: &str, nth: usize) {
    j.tab_to(&id(path)).await;
    j.press(Key::Space).await;
    for _ in 0..nth {
        j.press(Key::Down).await;
    }
}

pub(crate) async fn tick(j: &Journey, path: &str) {
    j.tab_to(&id(path)).await;
    j.press(Key::Space).await;
}

pub(crate) async fn fill_today(j: &Journey, path: &str) {
    let today = time::OffsetDateTime::now_utc().to_offset(JST).date();
    let iso = format_iso_date(today);
    let mut parts = iso.split('-');
    j.tab_to(&id(path)).await;
    j.type_text(parts.next().unwrap()).await;
    j.press(Key::Tab).await;
    j.type_text(parts.next().unwrap()).await;
    j.press(Key::Tab).await;
    j.type_text(parts.next().unwrap()).await;
}

pub(crate) async fn next(j: &Journey) {
    j.tab_to("todoke-next").await;
    j.press(Key::Enter).await;
}

pub(crate) async fn wait_for_field(j: &Journey, path: &str) {
    j.by_id(&id(path)).await;
}

/// The first page of every form: the contact person and phone; then 「次へ」 and waits for
/// `next_field` on the next page.
pub(crate) async fn contact_page(j: &Journey, name: &str, phone: &str, next_field: &str) {
    fill(j, "contact_name", name).await;
    fill(j, "contact_phone", phone).await;
    next(j).await;
    wait_for_field(j, next_field).await;
}

/// Signs in with the mailed password, changes it, and starts `form_id` from the list page.
pub(crate) async fn start_filing(j: &Journey, user: &str, initial: &str, form_id: &str) {
    first_sign_in(j, user, initial).await;
    j.tab_to("todoke-new-filing").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("届書・申請書の作成").await;
    j.assert_accessible("procedures").await;
    j.tab_to(&format!("todoke-start-{form_id}")).await;
    j.press(Key::Enter).await;
    wait_for_field(j, "contact_name").await;
}

/// Signs in with the mailed password and changes it to [`NEW_PASSWORD`]; ends on the list.
pub(crate) async fn first_sign_in(j: &Journey, user: &str, initial: &str) {
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.sign_in(user, initial).await;
    change_initial_password(j, initial).await;
}

/// On the forced password change after a first sign-in: changes `initial` to
/// [`NEW_PASSWORD`] and waits for the list.
pub(crate) async fn change_initial_password(j: &Journey, initial: &str) {
    j.wait_for_heading("パスワード変更").await;
    j.tab_to("todoke-current_password").await;
    j.type_text(initial).await;
    j.tab_to("todoke-new_password").await;
    j.type_text(NEW_PASSWORD).await;
    j.tab_to("todoke-new_password_confirmation").await;
    j.type_text(NEW_PASSWORD).await;
    j.press(Key::Enter).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
}

/// One valid staff row: a full-timer hired today with 40 hours a week.
pub(crate) async fn fill_staff_row(j: &Journey, hours: &str) {
    fill(j, "staff[0].name", "佐藤 一郎").await;
    fill(j, "staff[0].furigana", "ｻﾄｳ ｲﾁﾛｳ").await;
    fill(j, "staff[0].registration_number", "東医12345").await;
    choose(j, "staff[0].change_type", 0).await;
    choose(j, "staff[0].employment", 0).await;
    fill(j, "staff[0].weekly_hours", hours).await;
    fill(j, "staff[0].department", "内科").await;
    fill_today(j, "staff[0].change_date").await;
}

pub(crate) async fn header_and_filing_pages_then_submit(j: &Journey, institution: &str) -> i64 {
    // Declarations.
    wait_for_field(j, "declaration_no_improper_filing").await;
    j.assert_accessible("declarations").await;
    tick_declarations_then_next(j).await;
    filing_page_then_submit(j, institution).await
}

/// The shared last page (filing date, institution, founder), the review page and submission;
/// ends on the list with the new submission, whose id it returns.
pub(crate) async fn filing_page_then_submit(j: &Journey, institution: &str) -> i64 {
    wait_for_field(j, "filing_date").await;
    j.assert_accessible("filing details").await;
    fill_today(j, "filing_date").await;
    fill(j, "institution_name", institution).await;
    fill(j, "institution_postal_code", "１００－０００１").await;
    fill(j, "institution_address", "東京都千代田区千代田1-1").await;
    fill(j, "founder_name", "医療法人とどけ会　理事長　山田太郎").await;
    next(j).await;
    j.wait_for_heading("入力内容の確認").await;
    j.wait_for_text("100-0001").await;
    j.assert_accessible("review").await;
    j.snapshot(&format!("review-{institution}")).await;
    j.tab_to("todoke-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("提出が完了しました").await;
    j.wait_for_text("到達番号").await;
    j.assert_accessible("submission complete").await;
    j.snapshot(&format!("complete-{institution}")).await;
    let id = submission_id_in_url(j).await;
    j.open("/submissions").await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("提出済").await;
    j.assert_accessible("list with a submission").await;
    id
}

/// Ticks the four declarations and presses 「次へ」.
pub(crate) async fn tick_declarations_then_next(j: &Journey) {
    for d in [
        "declaration_no_improper_filing",
        "declaration_no_notice_violation",
        "declaration_no_inspection_findings",
        "declaration_no_staffing_shortfall",
    ] {
        tick(j, d).await;
    }
    next(j).await;
}

/// The declarations (all ticked) and the shared last page, filled quickly; ends with 「次へ」
/// towards the review page.
pub(crate) async fn declarations_and_filing_page(j: &Journey, institution: &str, founder: &str) {
    wait_for_field(j, "declaration_no_improper_filing").await;
    tick_declarations_then_next(j).await;
    wait_for_field(j, "filing_date").await;
    fill_today(j, "filing_date").await;
    fill(j, "institution_name", institution).await;
    fill(j, "institution_postal_code", "100-0001").await;
    fill(j, "institution_address", "東京都千代田区千代田1-1").await;
    fill(j, "founder_name", founder).await;
    next(j).await;
}

/// The id in `/submissions/{id}` (the completion and detail pages).
pub(crate) async fn submission_id_in_url(j: &Journey) -> i64 {
    let url = j.client.current_url().await.expect("url");
    url.path()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no submission id in {url}"))
}

async fn staff_change_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    j.assert_accessible("wizard first page").await;

    // Nothing entered: the page's errors, in a summary.
    next(&j).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    assert!(j.title().await.starts_with("エラー："));
    j.assert_accessible("wizard page with errors").await;

    contact_page(&j, "山田 花子", "０３－１２３４－５６７８", "staff[0].name").await;
    j.wait_for_text("全角で入力された数字・英字・記号などを半角に")
        .await;
    j.assert_accessible("staff page").await;

    fill_staff_row(&j, "20").await;
    // A full-timer with 20 hours a week: the arithmetic check stops 「次へ」.
    next(&j).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    assert_eq!(
        j.attr(&id("staff[0].weekly_hours"), "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(j.value(&id("staff[0].name")).await, "佐藤 一郎");
    j.assert_accessible("staff page with an arithmetic error")
        .await;
    refill(&j, "staff[0].weekly_hours", "40").await;
    next(&j).await;

    header_and_filing_pages_then_submit(&j, "とどけ内科クリニック").await;
    j.finish().await;
}

async fn regional_support_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-PHARM", "Demo#Phar0001", "regional-support").await;
    contact_page(&j, "薬局 太郎", "03-1234-5678", "basic_fee_class").await;
    j.assert_accessible("level page").await;
    choose(&j, "basic_fee_class", 0).await;
    choose(&j, "level", 0).await;
    next(&j).await;
    wait_for_field(&j, "prescriptions_last_year").await;
    j.assert_accessible("prescriptions page").await;
    fill(&j, "prescriptions_last_year", "18500").await;
    next(&j).await;
    wait_for_field(&j, "night_holiday").await;
    for (field, count) in [
        ("night_holiday", "60"),
        ("narcotics", "10"),
        ("duplicate_prevention", "400"),
        ("kakaritsuke_guidance", "10"),
        ("outpatient_support", "5"),
        ("medication_adjustment", "5"),
        ("home_visits", "50"),
        ("information_provision", "100"),
        ("pediatric", "5"),
        ("multidisciplinary_meetings", "5"),
    ] {
        fill(&j, field, count).await;
    }
    // The per-10,000 figures update as the user types: 60 / 18,500 × 10,000 = 32.43, under 40.
    j.wait_for_text("32.43").await;
    j.wait_for_text("基準を満たしていません").await;
    j.assert_accessible("achievements with live figures").await;
    j.snapshot("regional-support-live").await;
    next(&j).await;
    declarations_and_filing_page(&j, "とどけ薬局", "株式会社とどけ").await;
    // Item 4 at 10 (5.40 per 10,000, under 20) fails level 1: a warning, explained item by item,
    // that must be acknowledged or fixed before 「提出する」.
    j.wait_for_heading("入力内容の確認").await;
    j.wait_for_text("確認が必要な事項").await;
    // The items the level misses are a list, one item a line with its figure and threshold.
    let lines = j
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.todoke-warnings__details li'),
                               li => li.textContent);",
            vec![],
        )
        .await
        .expect("read the warning's items");
    let lines: Vec<&str> = lines
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(
        lines.iter().any(|l| l.contains('④') && l.contains("20")),
        "items: {lines:?}"
    );
    assert!(lines.iter().all(|l| !l.contains('／')), "items: {lines:?}");
    j.tab_to("todoke-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_text("確認が必要な事項を確認し、チェックを入れてください")
        .await;
    j.assert_accessible("review with a warning to acknowledge")
        .await;
    // Fixed through 「変更」: back to the page, then straight back to the review.
    j.tab_to(&id("change-kakaritsuke_guidance")).await;
    j.press(Key::Enter).await;
    wait_for_field(&j, "kakaritsuke_guidance").await;
    refill(&j, "kakaritsuke_guidance", "400").await;
    next(&j).await;
    j.wait_for_heading("入力内容の確認").await;
    j.assert_accessible("review").await;
    j.tab_to("todoke-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("提出が完了しました").await;
    j.wait_for_text("到達番号").await;
    j.finish().await;
}

async fn periodic_report_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-DENT", "Demo#Dent0001", "periodic-report-staffing").await;
    contact_page(&j, "歯科 花子", "03-1234-5678", "standard_weekly_hours").await;
    j.assert_accessible("basis page").await;
    fill(&j, "standard_weekly_hours", "40").await;
    next(&j).await;
    wait_for_field(&j, "staff[0].job_type").await;
    j.assert_accessible("staffing table").await;
    j.tab_to(&id("staff[0].job_type")).await;
    j.press(Key::Down).await;
    j.press(Key::Down).await;
    fill(&j, "staff[0].name", "歯科 一郎").await;
    choose(&j, "staff[0].employment", 0).await;
    fill(&j, "staff[0].weekly_hours", "40").await;
    // A second row, added with the keyboard.
    j.tab_to(&id("staff")).await;
    j.press(Key::Enter).await;
    j.by_id(&id("staff[1].job_type")).await;
    j.tab_to(&id("staff[1].job_type")).await;
    j.press(Key::Down).await;
    fill(&j, "staff[1].name", "衛生 花子").await;
    choose(&j, "staff[1].employment", 1).await;
    fill(&j, "staff[1].weekly_hours", "30").await;
    // Each row unrounded (30 ÷ 40 = 0.75, not 0.7), so the rows add up to the total.
    let shown = || async {
        let v = j
            .client
            .execute(
                "return Array.from(document.querySelectorAll('.todoke-computed__result'),
                                   o => o.textContent);",
                vec![],
            )
            .await
            .expect("read the computed values");
        v.as_array()
            .expect("a list")
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect::<Vec<_>>()
    };
    j.wait_for_text("0.75").await;
    let rows = shown().await;
    assert!(rows.contains(&"0.75".to_string()), "{rows:?}");
    assert!(!rows.contains(&"0.7".to_string()), "{rows:?}");
    next(&j).await;
    wait_for_field(&j, "declared_full_time_count").await;
    j.assert_accessible("totals page").await;
    fill(&j, "declared_full_time_count", "1").await;
    // 1.0 + 0.75 = 1.75, declared cut to 1.7; 2.0 is refused against the computed one.
    fill(&j, "declared_fte_total", "2.0").await;
    next(&j).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    assert_eq!(
        j.attr(&id("declared_fte_total"), "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    j.assert_accessible("totals with a calculation error").await;
    j.wait_for_text("1.75").await;
    refill(&j, "declared_fte_total", "1.7").await;
    next(&j).await;
    wait_for_field(&j, "filing_date").await;
    fill_today(&j, "filing_date").await;
    fill(&j, "institution_name", "とどけ歯科医院").await;
    fill(&j, "institution_postal_code", "100-0001").await;
    fill(&j, "institution_address", "東京都千代田区千代田1-1").await;
    fill(&j, "founder_name", "とどけ 次郎").await;
    next(&j).await;
    j.wait_for_heading("入力内容の確認").await;
    j.assert_accessible("periodic report review").await;
    j.tab_to("todoke-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("提出が完了しました").await;
    j.wait_for_text("到達番号").await;
    j.finish().await;
}

/// Two tabs edit one draft: the second save is refused as a conflict with nothing lost, the user
/// keeps this tab's answers on purpose, and the draft survives signing out.
async fn draft_conflict_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    fill(&j, "contact_name", "一つ目の画面").await;
    j.tab_to("todoke-save-draft").await;
    j.press(Key::Enter).await;
    j.wait_for_text("一時保存しました").await;
    let draft_url = j.client.current_url().await.expect("url").to_string();
    let first_tab = j.client.window().await.expect("window");

    let second = j.client.new_window(true).await.expect("new tab");
    j.client
        .switch_to_window(second.handle)
        .await
        .expect("switch");
    j.client.goto(&draft_url).await.expect("open the draft");
    wait_for_field(&j, "contact_name").await;
    assert_eq!(j.value(&id("contact_name")).await, "一つ目の画面");
    refill(&j, "contact_name", "二つ目の画面").await;
    j.tab_to("todoke-save-draft").await;
    j.press(Key::Enter).await;
    j.wait_for_text("一時保存しました").await;

    j.client
        .switch_to_window(first_tab)
        .await
        .expect("switch back");
    fill(&j, "contact_phone", "03-1111-2222").await;
    j.tab_to("todoke-save-draft").await;
    j.press(Key::Enter).await;
    j.wait_for_text("別の画面で更新されています").await;
    assert_eq!(j.value(&id("contact_phone")).await, "03-1111-2222");
    j.assert_accessible("draft conflict").await;
    j.tab_to("todoke-overwrite").await;
    j.press(Key::Enter).await;
    j.wait_for_text("一時保存しました").await;

    // Signed out and back in, the draft is listed and continues with this tab's answers.
    j.sign_out().await;
    j.sign_in("DEMO-MED", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("作成中").await;
    j.assert_accessible("list with a draft").await;
    j.wait_for_text("続きを入力する")
        .await
        .click()
        .await
        .expect("continue");
    wait_for_field(&j, "contact_name").await;
    assert_eq!(j.value(&id("contact_name")).await, "一つ目の画面");
    assert_eq!(j.value(&id("contact_phone")).await, "03-1111-2222");
    j.finish().await;
}

in_every_browser!(
    draft_conflict_journey,
    staff_change_journey,
    regional_support_journey,
    periodic_report_journey
);
