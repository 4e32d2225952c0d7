//! The Japanese and English catalogues must have the same files, the same public items with the
//! same types and signatures, and functions that use their arguments the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{en, ja};
use crate::FeeScheduleClass;

fn catalogue_dir(lang: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/text")
        .join(lang)
}

/// The `.rs` files of one catalogue, by file name.
fn sources(lang: &str) -> BTreeMap<String, String> {
    let dir = catalogue_dir(lang);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("read catalogue file");
            (name, text)
        })
        .collect()
}

/// The public items of one file, by kind and name (see [`super::scan`]).
fn items(source: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for item in super::scan::items(source) {
        let (key, signature) = item.key_and_signature();
        assert!(
            out.insert(key.clone(), signature).is_none(),
            "{key} is defined twice"
        );
    }
    out
}

#[test]
fn both_catalogues_have_the_same_files() {
    let ja: BTreeSet<String> = sources("ja").into_keys().collect();
    let en: BTreeSet<String> = sources("en").into_keys().collect();
    assert_eq!(ja, en, "text/ja and text/en must have the same files");
}

#[test]
fn both_catalogues_have_the_same_public_items() {
    let ja = sources("ja");
    let en = sources("en");
    let mut problems = Vec::new();
    for (file, ja_text) in &ja {
        let Some(en_text) = en.get(file) else {
            continue; // reported by both_catalogues_have_the_same_files
        };
        let (ja_items, en_items) = (items(ja_text), items(en_text));
        for (key, sig) in &ja_items {
            match en_items.get(key) {
                None => problems.push(format!("{file}: `{key}` is in ja but not in en")),
                Some(en_sig) if en_sig != sig => problems.push(format!(
                    "{file}: `{key}` differs: ja `{sig}`, en `{en_sig}`"
                )),
                Some(_) => {}
            }
        }
        for key in en_items.keys().filter(|k| !ja_items.contains_key(*k)) {
            problems.push(format!("{file}: `{key}` is in en but not in ja"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_item_scanner_sees_every_kind_of_item() {
    let found = items(
        "//! doc\nmod a;\npub mod b;\npub use a::*;\npub const X: &str = \"x\";\n\
         pub static Y: [&str; 2] = [\"a\", \"b\"];\npub fn f(\n    a: &str,\n    b: usize,\n) -> String {\n    \
         format!(\"{a}{b}\")\n}\n    pub const NESTED: u8 = 1;\n",
    );
    let keys: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "const X",
            "fn f",
            "mod a;",
            "pub mod b;",
            "pub use a::*;",
            "static Y"
        ]
    );
    assert_eq!(found["fn f"], "(a: &str, b: usize) -> String");
    assert_eq!(found["static Y"], "[&str; 2]");
}

/// Every argument marker the calls below use. Strings and numbers are chosen so that none of
/// them occurs in the fixed text of either language.
const MARKERS: [&str; 16] = [
    "‹a›", "‹b›", "‹c›", "‹d›", "‹e›", "‹f›", "7301", "7302", "7303", "7304", "211", "223", "2987",
    "Ж", "Ю", "Щ",
];

/// Calls the same function in both catalogues and checks that each marker shows up in the
/// English text exactly when it shows up in the Japanese one.
macro_rules! same_args {
    ($problems:ident, $($path:ident)::+ ( $($arg:expr),* $(,)? )) => {{
        let ja_text: String = ja::$($path)::+($($arg),*);
        let en_text: String = en::$($path)::+($($arg),*);
        for marker in MARKERS {
            if ja_text.contains(marker) != en_text.contains(marker) {
                $problems.push(format!(
                    "{}: marker {marker} used differently\n  ja: {ja_text}\n  en: {en_text}",
                    stringify!($($path)::+)
                ));
            }
        }
        if en_text.trim().is_empty() {
            $problems.push(format!("{}: empty English text", stringify!($($path)::+)));
        }
    }};
}

#[test]
fn functions_use_their_arguments_the_same_way() {
    let mut p: Vec<String> = Vec::new();
    let strings = ["‹d›".to_string(), "‹e›".to_string()];

    // account
    same_args!(p, account_locked(7301));
    same_args!(p, password_rule_length(7301, 7302));
    same_args!(p, password_too_short(7301, 7302));
    same_args!(p, password_too_long(7301, 7302));
    same_args!(p, password_missing_kinds(&["‹a›", "‹b›"]));
    for seconds in [7301, 41, 0, 60] {
        same_args!(p, timeout_dialog_body(seconds));
    }
    same_args!(p, prefecture_mismatch("‹a›", "‹b›"));
    same_args!(p, initial_password_rejected(&strings));
    same_args!(p, account_storage_failed("‹a›"));
    same_args!(p, server_start_failed("‹a›"));
    same_args!(p, demo_account_line("‹a›", "‹b›", "‹c›"));
    same_args!(p, server_listening("‹a›"));

    // filings
    same_args!(p, transition_wrong_actor("‹a›", "‹b›"));
    same_args!(p, transition_final("‹a›", "‹b›"));
    same_args!(p, transition_wrong_status("‹a›", "‹b›", &["‹c›", "‹d›"]));
    same_args!(p, notice_status_changed("‹a›", "‹b›", "‹c›"));
    same_args!(p, result_range(7301, 7302, 7303));
    same_args!(p, notices_link(0));
    same_args!(p, notices_link(7301));

    // general
    same_args!(p, institution_code_check_digit(211));
    for class in FeeScheduleClass::ALL {
        same_args!(p, institution_code_class_mismatch(class));
    }

    // service
    same_args!(p, service_hours("‹a›", "‹b›", "‹c›"));
    same_args!(p, service_closed("‹a›", "‹b›"));
    same_args!(p, time_of_day(21, 23));
    same_args!(p, month_day_weekday_time(11, 23, 3, "‹a›"));
    same_args!(p, date_and_time(2987, 11, 23, "‹a›"));
    same_args!(p, era_year("‹a›", 211));
    same_args!(p, calendar_date(2987, "‹a›", 11, 23));
    same_args!(p, calendar_date(2987, "", 11, 23));
    same_args!(p, era_aside("‹a›"));
    same_args!(p, day_range("‹a›", "‹b›"));
    same_args!(p, check_hours_open("‹a›"));
    same_args!(p, check_clock_off(7301));
    same_args!(p, check_done_problems(7301));

    // wizard
    same_args!(p, progress(7301, 7302));
    same_args!(p, add_row("‹a›"));
    same_args!(p, remove_row("‹a›", 7301));
    same_args!(p, row_heading("‹a›", 7301));
    same_args!(p, saved_at("‹a›"));
    same_args!(p, start_form("‹a›"));
    same_args!(p, continue_draft("‹a›"));
    same_args!(p, submit_warning_not_acknowledged("‹a›"));

    // forms
    for ctx in ["", "‹f›"] {
        same_args!(p, forms::required_input(ctx, "‹b›"));
        same_args!(p, forms::required_choice(ctx, "‹b›"));
        same_args!(p, forms::invalid_type(ctx, "‹b›"));
        same_args!(p, forms::too_long(ctx, "‹b›", 7301, 7302));
        same_args!(p, forms::furigana_not_katakana(ctx, "‹b›"));
        same_args!(p, forms::integer_shape(ctx, "‹b›"));
        for decimals in [false, true] {
            for reading in [None, Some("‹e›")] {
                same_args!(
                    p,
                    forms::comma_misplaced(ctx, "‹b›", "‹c›", decimals, reading)
                );
            }
        }
        same_args!(p, forms::number_with_unit(ctx, "‹b›", "‹c›", "‹d›", "‹e›"));
        same_args!(p, forms::number_with_unit(ctx, "‹b›", "‹c›", "‹d›", ""));
        same_args!(p, forms::out_of_range(ctx, "‹b›", "‹c›", "‹d›", "‹e›"));
        same_args!(p, forms::at_most(ctx, "‹b›", "‹c›", "‹d›"));
        same_args!(p, forms::at_least(ctx, "‹b›", "‹c›", "‹d›"));
        for scale in [0, 1, 7301] {
            same_args!(p, forms::decimal_shape(ctx, "‹b›", scale));
        }
        same_args!(p, forms::decimal_scale(ctx, "‹b›", 7301));
        same_args!(p, forms::weekly_hours_range(ctx, "‹b›"));
        same_args!(p, forms::weekly_hours_unusual(ctx, "‹b›", "‹c›"));
        same_args!(p, forms::date_incomplete(ctx, "‹b›"));
        same_args!(p, forms::date_shape(ctx, "‹b›"));
        same_args!(p, forms::date_invalid(ctx, "‹b›", 2987, 211, 223));
        same_args!(p, forms::date_too_early(ctx, "‹b›", "‹c›"));
        same_args!(p, forms::date_too_late(ctx, "‹b›", "‹c›"));
        same_args!(p, forms::choice_unknown(ctx, "‹b›"));
        same_args!(p, forms::registration_number_shape(ctx, "‹b›"));
        same_args!(p, forms::registration_number_prefecture(ctx, "‹b›", 'Ж'));
        same_args!(
            p,
            forms::registration_number_profession(ctx, "‹b›", 'Ж', "‹c›", 'Ю')
        );
        same_args!(p, forms::phone_shape(ctx, "‹b›"));
        same_args!(p, forms::postal_code_shape(ctx, "‹b›"));
    }
    same_args!(p, forms::row_heading("‹a›", 7301));
    same_args!(p, forms::row_context("‹a›", 7301));
    same_args!(p, forms::at_least_text("‹a›"));
    same_args!(p, forms::equals_declared("‹a›"));
    same_args!(p, forms::either("‹a›", "‹b›"));
    same_args!(p, forms::declaration_required("‹a›"));
    for code in FeeScheduleClass::ALL {
        for account in FeeScheduleClass::ALL {
            same_args!(p, forms::institution_code_class_mismatch(code, account));
        }
    }
    same_args!(p, forms::institution_code_account_mismatch("‹a›"));
    same_args!(p, forms::institution_code_check_digit_warning(211));
    same_args!(p, forms::group_too_few_rows("‹a›", "‹b›", 7301));
    same_args!(p, forms::group_too_few_rows("‹a›", "‹b›", 1));
    same_args!(p, forms::group_too_many_rows("‹a›", 7301, 7302));
    same_args!(p, forms::group_row_invalid("‹a›", 7301));
    same_args!(p, forms::full_time_hours_label("‹a›"));
    same_args!(
        p,
        forms::full_time_hours_below_standard("‹a›", "‹b›", "‹c›")
    );
    same_args!(p, forms::item_label('Щ', "‹a›"));
    same_args!(p, forms::item_count(7301));
    same_args!(p, forms::item_count(1));
    same_args!(p, forms::level_check_label(211));
    same_args!(p, forms::level_requirement(7301, ""));
    same_args!(p, forms::level_requirement(7301, "‹a›"));
    same_args!(p, forms::level_not_allowed(211, "‹a›", "‹b›", &[223]));
    for mandatory in [false, true] {
        same_args!(
            p,
            forms::item_shortfall_per_10k("‹a›", "‹b›", 7301, "‹c›", "‹d›", mandatory)
        );
        same_args!(p, forms::item_shortfall_raw("‹a›", "‹b›", "‹c›", mandatory));
    }
    same_args!(p, forms::level_requirements_not_met(211, 7301, "‹a›", 7302));
    same_args!(p, forms::fte_row_label("‹a›"));
    same_args!(p, forms::ratio_part_required("‹a›"));
    same_args!(p, forms::declared_full_time_count_mismatch("‹a›", "‹b›"));
    same_args!(p, forms::declared_fte_total_mismatch("‹a›", "‹b›", "‹c›"));
    same_args!(p, forms::declared_ratio_mismatch("‹a›", "‹b›", "‹c›"));

    // issuance
    same_args!(p, issuance::import_row_heading(7301));
    same_args!(p, issuance::announcement_text_too_long(7301));
    same_args!(p, issuance::announcement_link_text_too_long(7301));
    same_args!(p, issuance::import_file_unreadable("‹a›"));
    same_args!(p, issuance::import_header_missing("‹a›"));
    same_args!(p, issuance::import_column_count(7301, 7302));
    same_args!(p, issuance::import_month_invalid("‹a›"));
    same_args!(p, issuance::import_duplicate(7301));
    same_args!(p, issuance::claim_month_invalid("‹a›"));
    same_args!(p, issuance::letter_font_unreadable("‹a›", "‹b›"));
    same_args!(p, issuance::letter_output_failed("‹a›"));
    same_args!(p, issuance::account_not_found("‹a›"));
    same_args!(p, issuance::account_already_ended("‹a›"));
    same_args!(p, issuance::end_of_use_filing_without_date("‹a›"));
    same_args!(p, issuance::reissue_not_applicant("‹a›"));
    same_args!(p, issuance::institution_address_missing("‹a›"));
    same_args!(p, issuance::letter_batch_footer(211, "‹a›", 7301, 7302));

    assert!(p.is_empty(), "{}", p.join("\n"));
}

#[test]
fn english_class_names_are_english() {
    let text = en::forms::institution_code_class_mismatch(
        FeeScheduleClass::Medical,
        FeeScheduleClass::Pharmacy,
    );
    assert!(
        text.contains(en::CLASS_MEDICAL) && text.contains(en::CLASS_PHARMACY),
        "{text}"
    );
    let text = en::institution_code_class_mismatch(FeeScheduleClass::Dental);
    assert!(text.contains(en::CLASS_DENTAL), "{text}");
}

#[test]
fn english_sentences_start_with_a_capital_without_row_context() {
    assert!(en::forms::required_input("", "Name").starts_with("Enter “Name”"));
    let ctx = en::forms::row_context("Staff member", 2);
    assert_eq!(
        en::forms::required_input(&ctx, "Name"),
        "In Staff member (row 3), enter “Name”."
    );
}

#[test]
fn structured_text_has_the_same_shape() {
    assert_eq!(ja::MANUAL_SECTIONS.len(), en::MANUAL_SECTIONS.len());
    for (j, e) in ja::MANUAL_SECTIONS.iter().zip(en::MANUAL_SECTIONS) {
        assert_eq!(j.id, e.id, "manual sections keep their ids and order");
        assert_eq!(
            j.paragraphs.len(),
            e.paragraphs.len(),
            "paragraphs of {}",
            j.id
        );
        assert_eq!(j.steps.len(), e.steps.len(), "steps of {}", j.id);
    }
    assert_eq!(ja::FAQ.len(), en::FAQ.len());
    // The unit aliases are keyed by each catalogue's own units, in the same order.
    let ja_units = [
        ja::forms::UNIT_HOURS,
        ja::forms::UNIT_TIMES,
        ja::forms::UNIT_PERSONS,
    ];
    let en_units = [
        en::forms::UNIT_HOURS,
        en::forms::UNIT_TIMES,
        en::forms::UNIT_PERSONS,
    ];
    let keys = |a: &[(&str, &[&str])]| a.iter().map(|(u, _)| u.to_string()).collect::<Vec<_>>();
    assert_eq!(keys(ja::forms::UNIT_ALIASES), ja_units.map(String::from));
    assert_eq!(keys(en::forms::UNIT_ALIASES), en_units.map(String::from));
    for (unit, aliases) in en::forms::UNIT_ALIASES {
        assert!(
            aliases.contains(&unit.trim()),
            "{unit:?} is one of its own aliases"
        );
    }
}

#[test]
fn english_text_uses_english_punctuation() {
    // Japanese terms kept for matching paper forms may stay, but not Japanese punctuation.
    const JAPANESE_PUNCTUATION: [char; 9] = ['「', '」', '。', '、', '：', '　', '〜', '～', '！'];
    let mut problems = Vec::new();
    for (file, text) in sources("en") {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(c) = line.chars().find(|c| JAPANESE_PUNCTUATION.contains(c)) {
                problems.push(format!("en/{file}:{}: {c:?} in {line}", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
