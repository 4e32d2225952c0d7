//! Text of the form engine and the form catalogue (`crate::forms`).

use crate::FeeScheduleClass;

// Display
pub const YES: &str = "はい";
pub const NO: &str = "いいえ";
pub const NOT_ENTERED: &str = "（未入力）";
pub const NONE: &str = "なし";
pub const UNIT_HOURS: &str = "時間";
pub const UNIT_TIMES: &str = "回";
pub const UNIT_PERSONS: &str = "人";
/// What people type after a number to mean a unit (compared after half-width conversion,
/// ignoring ASCII case). Any of these for the field's own unit is dropped from the answer
/// (「32時間」「32h」 → 32). A unit not listed here matches only itself (「%」).
pub const UNIT_ALIASES: &[(&str, &[&str])] = &[
    (UNIT_HOURS, &["時間", "h", "hr", "hrs", "hour", "hours"]),
    (UNIT_TIMES, &["回"]),
    (UNIT_PERSONS, &["人", "名"]),
];

/// 「職員（3行目）」 for row index 2.
pub fn row_heading(row_label: &str, index: usize) -> String {
    format!("{row_label}（{}行目）", index + 1)
}

/// Message prefix for a field in a row: 「職員（3行目）の」.
pub fn row_context(row_label: &str, index: usize) -> String {
    format!("{}の", row_heading(row_label, index))
}

pub fn at_least_text(value: &str) -> String {
    format!("{value}以上")
}

pub fn equals_declared(value: &str) -> String {
    format!("申告値（{value}）と一致すること")
}

pub fn either(a: &str, b: &str) -> String {
    format!("{a}または{b}")
}

// Field checks. `ctx` is empty or a row context such as 「職員（3行目）の」.
pub fn required_input(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}を入力してください。")
}

pub fn required_choice(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}を選んでください。")
}

pub fn declaration_required(label: &str) -> String {
    format!("「{label}」の内容を確認して、チェックを入れてください。")
}

pub fn invalid_type(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}を読み取れませんでした。入力し直してください。")
}

pub fn too_long(ctx: &str, label: &str, max: usize, len: usize) -> String {
    format!("{ctx}{label}は{max}文字以内で入力してください（現在{len}文字）。")
}

pub fn furigana_not_katakana(ctx: &str, label: &str) -> String {
    format!(
        "{ctx}{label}は全角カタカナで入力してください（例：ヤマダ　タロウ）。ひらがなや半角カタカナは全角カタカナに直します。"
    )
}

pub fn integer_shape(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}は小数点のない数字で入力してください（例：18500）。")
}

/// A comma outside groups of three (「18,50」「7,5」): never guessed, because dropping it
/// would change the number. `decimal_reading` is the typed number with the comma as a
/// decimal point (「7.5」), shown for fields that take decimals.
pub fn comma_misplaced(
    ctx: &str,
    label: &str,
    typed: &str,
    decimals_allowed: bool,
    decimal_reading: Option<&str>,
) -> String {
    let how = if decimals_allowed {
        let example = decimal_reading.unwrap_or("37.5");
        format!(
            "小数点はピリオドを使って「{example}」のように、桁区切りのカンマは「18,500」のように3桁ごとに入力してください"
        )
    } else {
        "桁区切りのカンマは「18,500」のように3桁ごとに入れるか、カンマを付けずに「18500」のように入力してください".to_string()
    };
    format!("{ctx}{label}の「{typed}」はカンマの位置が正しくありません。{how}。")
}

/// Text after the number that is not the field's unit (「10枚」 where the unit is 回).
/// `unit` is the field's own unit, empty when it has none.
pub fn number_with_unit(ctx: &str, label: &str, typed: &str, suffix: &str, unit: &str) -> String {
    let unit_note = if unit.is_empty() {
        String::new()
    } else {
        format!("（この欄の単位は「{unit}」です）")
    };
    format!(
        "{ctx}{label}の「{typed}」から「{suffix}」を除いて、数字だけを入力してください{unit_note}。"
    )
}

pub fn out_of_range(ctx: &str, label: &str, min: &str, max: &str, unit: &str) -> String {
    format!("{ctx}{label}は{min}{unit}以上{max}{unit}以下で入力してください。")
}

pub fn at_most(ctx: &str, label: &str, max: &str, unit: &str) -> String {
    format!("{ctx}{label}は{max}{unit}以下で入力してください。")
}

pub fn at_least(ctx: &str, label: &str, min: &str, unit: &str) -> String {
    format!("{ctx}{label}は{min}{unit}以上で入力してください。")
}

pub fn decimal_shape(ctx: &str, label: &str, scale: u32) -> String {
    if scale == 0 {
        integer_shape(ctx, label)
    } else {
        format!("{ctx}{label}は数字で入力してください（小数点以下{scale}桁まで。例：37.5）。")
    }
}

pub fn decimal_scale(ctx: &str, label: &str, scale: u32) -> String {
    format!("{ctx}{label}は小数点以下{scale}桁までで入力してください。")
}

pub fn weekly_hours_range(ctx: &str, label: &str) -> String {
    format!(
        "{ctx}{label}は0時間より多く168時間以下で、1週間あたりの時間を入力してください（例：37.5）。"
    )
}

pub fn weekly_hours_unusual(ctx: &str, label: &str, hours: &str) -> String {
    format!(
        "{ctx}{label}が週{hours}時間になっています。80時間を超えているため、1週間あたりの時間になっているか確認してください。"
    )
}

pub fn date_incomplete(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}の年・月・日をすべて入力してください。")
}

pub fn date_shape(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}は年（西暦4桁）・月・日を数字で入力してください（例：2024年8月1日）。")
}

pub fn date_invalid(ctx: &str, label: &str, year: i32, month: u8, day: u8) -> String {
    format!(
        "{ctx}{label}の{year}年{month}月{day}日は存在しない日付です。正しい日付を入力してください。"
    )
}

pub fn date_too_early(ctx: &str, label: &str, earliest: &str) -> String {
    format!(
        "{ctx}{label}は{earliest}以降の日付を入力してください。それより前の場合は、管轄の地方厚生（支）局にご相談ください。"
    )
}

pub fn date_too_late(ctx: &str, label: &str, latest: &str) -> String {
    format!("{ctx}{label}は{latest}以前の日付を入力してください。")
}

pub fn choice_unknown(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}は選択肢の中から選んでください。")
}

pub fn institution_code_class_mismatch(
    code_class: FeeScheduleClass,
    account_class: FeeScheduleClass,
) -> String {
    format!(
        "医療機関コードの3桁目（点数表番号）は{}を示していますが、このアカウントは{}です。{}の医療機関コードを入力してください。",
        code_class.label(),
        account_class.label(),
        account_class.label()
    )
}

pub fn institution_code_account_mismatch(account_code: &str) -> String {
    format!(
        "ログイン中のアカウントの医療機関コード（{account_code}）と異なります。このアカウントの医療機関コードを入力してください。"
    )
}

pub fn institution_code_check_digit_warning(expected: u8) -> String {
    format!(
        "医療機関コードの10桁目（検証番号）が計算上の値（{expected}）と一致しません。入力誤りがないか確認してください。検証番号のない古いコードで誤りがない場合は、このまま進めて、提出前の確認画面で確認済みにしてください。"
    )
}

pub fn registration_number_shape(ctx: &str, label: &str) -> String {
    format!(
        "{ctx}{label}は、都道府県の略称（漢字1文字）、「医」「歯」「薬」のいずれか、番号の順に入力してください（例：阪医52752）。"
    )
}

pub fn registration_number_prefecture(ctx: &str, label: &str, first: char) -> String {
    format!(
        "{ctx}{label}の最初の文字「{first}」は都道府県の略称ではありません。保険医・保険薬剤師登録票の記号を確認して入力してください（例：阪医52752）。"
    )
}

pub fn registration_number_profession(
    ctx: &str,
    label: &str,
    found: char,
    class: &str,
    expected: char,
) -> String {
    format!(
        "{ctx}{label}の記号「{found}」は{class}の届出には使えません。{class}では「{expected}」の登録の記号及び番号を入力してください。"
    )
}

pub fn phone_shape(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）。")
}

pub fn postal_code_shape(ctx: &str, label: &str) -> String {
    format!("{ctx}{label}は7桁の数字で入力してください（例：100-0001）。")
}

pub fn group_too_few_rows(label: &str, row_label: &str, min: usize) -> String {
    format!("{label}に{row_label}を{min}件以上入力してください。")
}

pub fn group_too_many_rows(label: &str, max: usize, count: usize) -> String {
    format!(
        "{label}は{max}件まで入力できます（現在{count}件）。{max}件を超える場合は、届出を分けてください。"
    )
}

pub fn group_row_invalid(row_label: &str, index: usize) -> String {
    format!(
        "{}を読み取れませんでした。この行を削除して入力し直してください。",
        row_heading(row_label, index)
    )
}

// Common pages
pub const HEADER_PAGE: &str = "届出者と連絡先";
pub const HEADER_PAGE_INTRO: &str =
    "届出の内容について地方厚生（支）局から問い合わせる際の連絡先を入力してください。";
pub const INSTITUTION_CODE: &str = "医療機関コード";
pub const INSTITUTION_CODE_HINT: &str = "10桁の医療機関コード（薬局は薬局コード）。例：1310100019。ログイン中のアカウントのコードが入っています。";
pub const CONTACT_NAME: &str = "担当者の氏名";
pub const CONTACT_NAME_HINT: &str = "例：届出 花子";
pub const CONTACT_PHONE: &str = "担当者の電話番号";
pub const PHONE_HINT: &str =
    "日中に連絡のつく番号。例：03-1234-5678。全角で入力しても半角に直します。";
pub const DECLARATIONS_PAGE: &str = "届出にあたっての確認事項";
pub const DECLARATIONS_PAGE_INTRO: &str = "次の事項をすべて確認し、該当する場合はチェックを入れてください。該当しない事項がある場合は、管轄の地方厚生（支）局にご相談ください。";
pub const DECL_NO_IMPROPER_FILING: &str = "不正・不当な届出をしていないこと";
pub const DECL_NO_IMPROPER_FILING_STATEMENT: &str = "この届出を行う前6か月間に、届出に関する事項について不正または不当な届出（法令の規定に基づくものに限る）を行ったことはありません。";
pub const DECL_NO_NOTICE_VIOLATION: &str = "掲示事項等の基準に違反していないこと";
pub const DECL_NO_NOTICE_VIOLATION_STATEMENT: &str = "この届出を行う前6か月間に、厚生労働大臣が定める掲示事項等の基準に違反したことはなく、現在も違反していません。";
pub const DECL_NO_INSPECTION_FINDINGS: &str = "検査等で不正・不当な行為を認められていないこと";
pub const DECL_NO_INSPECTION_FINDINGS_STATEMENT: &str = "この届出を行う前6か月間に、健康保険法第78条第1項等に基づく検査等の結果、診療内容または診療報酬の請求に関して不正または不当な行為を認められたことはありません。";
pub const DECL_NO_STAFFING_SHORTFALL: &str = "患者数・員数の基準に該当していないこと";
pub const DECL_NO_STAFFING_SHORTFALL_STATEMENT: &str = "この届出を行う時点で、厚生労働大臣の定める入院患者数の基準または医師等の員数の基準に該当する（患者数の超過や人員の不足がある）保険医療機関等ではありません。";
pub const FILING_PAGE: &str = "届出日と開設者";
pub const FILING_PAGE_INTRO: &str =
    "届出日と、保険医療機関・保険薬局の所在地、名称、開設者を入力してください。";
pub const FILING_DATE: &str = "届出年月日";
pub const FILING_DATE_HINT: &str =
    "通常は今日の日付です。西暦で入力してください。例：2024年11月18日";
pub const INSTITUTION_NAME: &str = "保険医療機関・保険薬局の名称";
pub const INSTITUTION_NAME_HINT: &str = "指定を受けている正式な名称。例：とどけ内科クリニック";
pub const POSTAL_CODE: &str = "所在地の郵便番号";
pub const POSTAL_CODE_HINT: &str = "7桁の数字。例：100-0001";
pub const INSTITUTION_ADDRESS: &str = "所在地";
pub const ADDRESS_HINT: &str = "都道府県から入力してください。例：東京都千代田区千代田1-1";
pub const FOUNDER_NAME: &str = "開設者の氏名（法人の場合は名称と代表者の氏名）";
pub const FOUNDER_NAME_HINT: &str = "例：医療法人とどけ会 理事長 届出 太郎";

// Staff fields
pub const STAFF_NAME: &str = "氏名";
pub const STAFF_NAME_HINT: &str = "姓と名の間に空白を入れてください。例：山田 太郎";
pub const STAFF_FURIGANA: &str = "フリガナ";
pub const FURIGANA_HINT: &str =
    "全角カタカナ。例：ヤマダ　タロウ。ひらがなや半角カタカナで入力しても全角カタカナに直します。";
pub const REGISTRATION_NUMBER: &str = "登録の記号及び番号";
pub const REGISTRATION_NUMBER_HINT: &str =
    "保険医・保険薬剤師登録票に記載の記号と番号。例：阪医52752";
pub const EMPLOYMENT: &str = "常勤・非常勤の別";
pub const FULL_TIME: &str = "常勤";
pub const PART_TIME: &str = "非常勤";
pub const WEEKLY_HOURS: &str = "1週間の勤務時間";
pub const WEEKLY_HOURS_HINT: &str = "小数点以下1桁まで。例：37.5";
pub const STANDARD_WEEKLY_HOURS: &str = "所定の1週間の勤務時間";
pub const STANDARD_WEEKLY_HOURS_DEFAULT: &str = "未入力（32時間として計算）";
pub const STANDARD_WEEKLY_HOURS_HINT_STAFF_CHANGE: &str =
    "就業規則で定める常勤職員の1週間の勤務時間。未入力の場合は32時間として扱います。例：40";
pub const STANDARD_WEEKLY_HOURS_HINT_PERIODIC: &str = "就業規則で定める常勤職員の1週間の勤務時間。常勤換算では、32時間未満の場合も32時間で割ります。例：40";

// 保険医・保険薬剤師の異動
pub const STAFF_CHANGE_TITLE: &str = "保険医・保険薬剤師の異動";
pub const STAFF_CHANGE_DESCRIPTION: &str = "保険医・保険薬剤師の採用、退職、勤務形態の変更、氏名の変更を届け出ます（届出事項変更（異動）届）。";
pub const STAFF_CHANGE_PAGE: &str = "異動する保険医・保険薬剤師";
pub const STAFF_CHANGE_PAGE_INTRO: &str =
    "異動のあった保険医・保険薬剤師を1人につき1行で入力してください（50人まで）。";
pub const STAFF_CHANGE_GROUP: &str = "異動する保険医・保険薬剤師";
pub const STAFF_CHANGE_ROW: &str = "保険医・保険薬剤師";
pub const CHANGE_TYPE: &str = "異動の区分";
pub const CHANGE_HIRE: &str = "採用";
pub const CHANGE_LEAVE: &str = "退職";
pub const CHANGE_WORK_PATTERN: &str = "勤務形態の変更";
pub const CHANGE_NAME: &str = "氏名の変更";
pub const PREVIOUS_NAME: &str = "変更前の氏名";
pub const PREVIOUS_NAME_HINT: &str = "異動の区分が「氏名の変更」の場合に入力してください。";
pub const DEPARTMENT: &str = "担当する診療科";
pub const DEPARTMENT_HINT: &str = "例：内科";
pub const CHANGE_DATE: &str = "異動年月日";
pub const CHANGE_DATE_HINT: &str = "採用日、退職日、変更日。例：2024年11月1日";
pub const FULL_TIME_THRESHOLD: &str = "常勤に必要な1週間の勤務時間";
pub const FULL_TIME_THRESHOLD_FORMULA: &str =
    "所定の1週間の勤務時間と32時間のうち少ない方（未入力の場合は32時間）";
pub const FULL_TIME_HOURS_SECTION: &str = "常勤の勤務時間の確認";
pub const FULL_TIME_HOURS_FORMULA: &str = "常勤の1週間の勤務時間 ≥ 常勤に必要な1週間の勤務時間";

pub fn full_time_hours_label(row: &str) -> String {
    format!("{row}の常勤の勤務時間")
}

pub fn full_time_hours_below_standard(row: &str, hours: &str, threshold: &str) -> String {
    format!(
        "{row}は常勤ですが、1週間の勤務時間が{hours}です。常勤は週{threshold}以上（所定の1週間の勤務時間と32時間のうち少ない方）が必要です。勤務時間を確認するか、「非常勤」を選んでください。"
    )
}

// 地域支援体制加算
pub const REGIONAL_SUPPORT_TITLE: &str = "地域支援体制加算の施設基準";
pub const REGIONAL_SUPPORT_DESCRIPTION: &str = "保険薬局の地域支援体制加算（令和6年度改定の基準）を届け出ます。実績は処方箋受付回数1万回当たりに換算して確認します。";
pub const LEVEL_PAGE: &str = "調剤基本料の区分と届け出る加算";
pub const LEVEL_PAGE_INTRO: &str =
    "加算1・2は調剤基本料1の薬局、加算3・4は調剤基本料1以外の薬局が届け出ます。";
pub const BASIC_FEE_CLASS: &str = "調剤基本料の区分";
pub const BASIC_FEE_CLASS_HINT: &str = "現在届け出ている調剤基本料の区分を選んでください。";
pub const BASIC_FEE_1: &str = "調剤基本料1";
pub const BASIC_FEE_OTHER: &str = "調剤基本料1以外";
pub const LEVEL: &str = "届け出る加算";
pub const LEVEL_HINT: &str = "要件を満たさない区分を選ぶと、確認画面で注意が表示されます。";
pub const LEVEL_1: &str = "地域支援体制加算1";
pub const LEVEL_2: &str = "地域支援体制加算2";
pub const LEVEL_3: &str = "地域支援体制加算3";
pub const LEVEL_4: &str = "地域支援体制加算4";
pub const PRESCRIPTIONS_PAGE: &str = "処方箋の受付回数";
pub const PRESCRIPTIONS_PAGE_INTRO: &str =
    "実績の換算に使います。受付回数が1万回未満の場合は1万回として換算します。";
pub const PRESCRIPTIONS: &str = "直近1年間の処方箋受付回数";
pub const PRESCRIPTIONS_HINT: &str = "例：18500。全角やカンマ付きで入力しても直します。";
pub const BASE_SECTION: &str = "換算に用いる処方箋受付回数";
pub const BASE_LABEL: &str = "換算に用いる処方箋受付回数";
pub const BASE_FORMULA: &str = "処方箋受付回数と10,000回のうち多い方";
pub const ACHIEVEMENTS_PAGE: &str = "直近1年間の実績";
pub const ACHIEVEMENTS_PAGE_INTRO: &str = "①〜⑨は処方箋受付回数1万回当たりに換算して、⑩は回数そのもので基準と比べます。入力すると換算結果が表示されます。";
pub const ITEM_NIGHT_HOLIDAY: &str = "夜間・休日等の対応実績";
pub const ITEM_NARCOTICS: &str = "麻薬の調剤実績";
pub const ITEM_DUPLICATE_PREVENTION: &str = "重複投薬・相互作用等防止加算等の実績";
pub const ITEM_KAKARITSUKE: &str = "かかりつけ薬剤師指導料等の実績";
pub const ITEM_OUTPATIENT_SUPPORT: &str = "外来服薬支援料1の実績";
pub const ITEM_MEDICATION_ADJUSTMENT: &str = "服用薬剤調整支援料の実績";
pub const ITEM_HOME_VISITS: &str =
    "在宅患者に対する薬学的管理及び指導の実績（単一建物診療患者が1人の場合）";
pub const ITEM_INFORMATION_PROVISION: &str = "服薬情報等提供料の実績";
pub const ITEM_PEDIATRIC: &str = "小児特定加算の算定実績";
pub const ITEM_MEETINGS: &str = "多職種と連携する会議への出席回数";
pub const ITEM_HINT_PER_10K: &str =
    "直近1年間の回数。処方箋受付回数1万回当たりに換算して比べます。";
pub const ITEM_HINT_RAW: &str = "直近1年間の回数。換算せずに比べます。";
pub const ITEM_COUNT: &str = "実績回数";
pub const PER_10K_SECTION: &str = "処方箋受付回数1万回当たりの実績";
pub const PER_10K_FORMULA: &str =
    "実績回数 ÷ 換算に用いる処方箋受付回数 × 10,000（小数点以下第3位を切り捨て）";
pub const RAW_COUNT_FORMULA: &str = "実績回数（換算しません）";
pub const LEVEL_CHECK_SECTION: &str = "加算の要件";
pub const LEVEL_CHECK_FORMULA: &str =
    "基準を満たした項目の数（必須の項目があるものは、その項目を含むこと）";
pub const ITEMS_MET: &str = "満たした項目";
pub const ITEMS_NOT_MET: &str = "満たしていない項目";

/// 「①夜間・休日等の対応実績」
pub fn item_label(number: char, label: &str) -> String {
    format!("{number}{label}")
}

pub fn item_count(n: usize) -> String {
    format!("{n}項目")
}

pub fn level_check_label(level: u8) -> String {
    format!("地域支援体制加算{level}の要件")
}

/// 「3項目以上（④を含む）」
pub fn level_requirement(min_items: usize, mandatory: &str) -> String {
    if mandatory.is_empty() {
        format!("{min_items}項目以上")
    } else {
        format!("{min_items}項目以上（{mandatory}を含む）")
    }
}

pub fn level_not_allowed(level: u8, needs: &str, current: &str, allowed: &[u8]) -> String {
    let allowed: Vec<String> = allowed.iter().map(|l| format!("加算{l}")).collect();
    format!(
        "地域支援体制加算{level}は{needs}の薬局が届け出る区分です。{current}の薬局は{}から選んでください。",
        allowed.join("または")
    )
}

pub fn item_shortfall_per_10k(
    label: &str,
    value: &str,
    threshold: i64,
    base: &str,
    needed: &str,
    mandatory: bool,
) -> String {
    let must = if mandatory {
        "（必須の項目）"
    } else {
        ""
    };
    format!(
        "{label}{must}：1万回当たり{value}回で、{threshold}回以上が必要です（処方箋受付回数{base}では{needed}以上必要）"
    )
}

pub fn item_shortfall_raw(label: &str, count: &str, threshold: &str, mandatory: bool) -> String {
    let must = if mandatory {
        "（必須の項目）"
    } else {
        ""
    };
    format!("{label}{must}：{count}で、{threshold}以上が必要です")
}

/// The lead of the warning; the items not met follow it as a list (`Issue::details`).
pub fn level_requirements_not_met(
    level: u8,
    met: usize,
    requirement: &str,
    unmet: usize,
) -> String {
    format!(
        "地域支援体制加算{level}の要件を満たしていません。満たした項目は{met}項目で、{requirement}が必要です。実績の回数を確認するか、届け出る加算を見直してください。要件を満たしていることを確認できる場合は、確認画面で確認済みにして提出できます。満たしていない項目（{unmet}項目）は次のとおりです。"
    )
}

// 定例報告
pub const PERIODIC_TITLE: &str = "定例報告（職員の勤務状況）";
pub const PERIODIC_DESCRIPTION: &str =
    "施設基準に係る定例報告のうち、報告基準日時点の職員の勤務状況と常勤換算の人数を報告します。";
pub const BASIS_PAGE: &str = "報告基準日と所定の勤務時間";
pub const BASIS_PAGE_INTRO: &str = "報告基準日時点の状況を報告してください。";
pub const AS_OF_DATE: &str = "報告基準日";
pub const AS_OF_FORMULA: &str = "地方厚生（支）局が定める報告基準日（令和6年度からは8月1日）";
pub const DIVISOR_LABEL: &str = "常勤換算の分母";
pub const DIVISOR_FORMULA: &str = "所定の1週間の勤務時間と32時間のうち多い方";
pub const PERIODIC_STAFF_PAGE: &str = "職員の勤務状況";
pub const PERIODIC_STAFF_PAGE_INTRO: &str = "報告基準日時点の職員を1人につき1行で入力してください（500人まで）。常勤換算の値が行ごとに表示されます。各職員の値は端数を処理せずに表示し、それらの合計の小数点以下第2位以下を切り捨てた値を届け出ます。";
pub const PERIODIC_STAFF_GROUP: &str = "職員の一覧";
pub const PERIODIC_STAFF_ROW: &str = "職員";
pub const JOB_TYPE: &str = "職種";
pub const JOB_DOCTOR: &str = "医師";
pub const JOB_DENTIST: &str = "歯科医師";
pub const JOB_PHARMACIST: &str = "薬剤師";
pub const JOB_NURSE: &str = "看護師";
pub const JOB_ASSISTANT_NURSE: &str = "准看護師";
pub const JOB_DENTAL_HYGIENIST: &str = "歯科衛生士";
pub const JOB_CLERK: &str = "事務職員";
pub const JOB_OTHER: &str = "その他";
pub const FTE_SECTION: &str = "常勤換算";
pub const FTE_FULL_TIME_FORMULA: &str = "常勤は1人を1.0とします";
pub const FTE_PART_TIME_FORMULA: &str =
    "1週間の勤務時間 ÷ 常勤換算の分母（1人1.0が上限、端数は処理しません）";
pub const FTE_CAPPED: &str = "上限";
pub const FTE_CAPPED_VALUE: &str = "分母を超える時間は1.0として数えます";
pub const EXACT_VALUE: &str = "端数処理前の値";
pub const TOTALS_PAGE: &str = "合計と割合";
pub const TOTALS_PAGE_INTRO: &str =
    "報告書に記載する合計を入力してください。職員の一覧から計算した値と一致するか確認します。";
pub const DECLARED_FULL_TIME_COUNT: &str = "常勤職員の人数";
pub const DECLARED_FULL_TIME_COUNT_HINT: &str = "例：3";
pub const DECLARED_FTE_TOTAL: &str = "常勤換算の合計";
pub const DECLARED_FTE_TOTAL_HINT: &str =
    "小数点以下第2位を切り捨てて、小数点以下1桁で入力してください。例：4.6";
pub const TOTALS_SECTION: &str = "計算した合計";
pub const COMPUTED_FULL_TIME_COUNT: &str = "常勤職員の人数（計算値）";
pub const FULL_TIME_COUNT_FORMULA: &str = "職員の一覧で「常勤」の行の数";
pub const COMPUTED_FTE_TOTAL: &str = "常勤換算の合計（計算値）";
pub const PART_TIME_HOURS_TOTAL: &str = "非常勤の1週間の勤務時間の合計（1人につき分母が上限）";
pub const FTE_TOTAL_FORMULA: &str = "各職員の常勤換算の合計 ＝（常勤職員の人数 × 分母 ＋ 非常勤の勤務時間の合計）÷ 分母。その小数点以下第2位以下を切り捨てます";
pub const RATIO_NAME: &str = "割合の名称";
pub const RATIO_NAME_HINT: &str =
    "施設基準で割合の記載を求められている場合に入力します。例：看護職員に占める看護師の割合";
pub const RATIO_NUMERATOR: &str = "割合の分子";
pub const RATIO_DENOMINATOR: &str = "割合の分母";
pub const RATIO_NUMBER_HINT: &str = "人数または常勤換算の値（小数点以下1桁まで）。例：4.5";
pub const DECLARED_RATIO: &str = "割合（％）";
pub const DECLARED_RATIO_HINT: &str = "小数点以下1桁まで。例：66.7";
pub const RATIO_SECTION: &str = "割合（計算値）";
pub const RATIO_FORMULA: &str =
    "分子 ÷ 分母 × 100（小数点以下第2位を四捨五入。切り捨てた値も認めます）";
pub const RATIO_DENOMINATOR_ZERO: &str = "割合の分母が0です。0より大きい値を入力してください。";
pub const RATIO_NUMERATOR_EXCEEDS: &str =
    "割合の分子が分母より大きくなっています。分子と分母を確認してください。";

pub fn fte_row_label(row: &str) -> String {
    format!("{row}の常勤換算")
}

pub fn ratio_part_required(label: &str) -> String {
    format!(
        "割合を記載する場合は、{label}も入力してください。割合を記載しない場合は、割合の欄をすべて空欄にしてください。"
    )
}

pub fn declared_full_time_count_mismatch(declared: &str, computed: &str) -> String {
    format!(
        "常勤職員の人数が{declared}になっていますが、職員の一覧で「常勤」の行は{computed}です。人数を{computed}に直すか、職員の一覧を確認してください。"
    )
}

pub fn declared_fte_total_mismatch(declared: &str, computed: &str, exact: &str) -> String {
    format!(
        "常勤換算の合計が{declared}になっていますが、職員の一覧から計算すると{computed}です（{exact}の小数点以下第2位を切り捨て）。合計を{computed}に直すか、職員の一覧を確認してください。"
    )
}

pub fn declared_ratio_mismatch(declared: &str, exact: &str, accepted: &str) -> String {
    format!(
        "割合が{declared}になっていますが、分子 ÷ 分母 × 100 は{exact}%です。割合を{accepted}に直すか、分子と分母を確認してください。"
    )
}

// 利用終了届出
pub const END_OF_USE_TITLE: &str = "利用終了届出（様式5）";
pub const END_OF_USE_DESCRIPTION: &str = "このユーザIDでの電子申請・届出の利用を終了します。医療機関コードや点数表区分の変更、移転の後は、新しいコードで利用開始届出（様式1）を提出してください。";
pub const END_REASON_PAGE: &str = "利用を終了する理由と日付";
pub const END_REASON_PAGE_INTRO: &str =
    "利用を終了する理由と、このユーザIDを最後に利用する日を入力してください。";
pub const END_REASON: &str = "利用を終了する理由";
pub const END_REASON_CODE_OR_CLASS: &str = "医療機関コード・点数表区分の変更";
pub const END_REASON_RELOCATION: &str = "移転";
pub const END_REASON_CLOSURE: &str = "廃止（閉院・閉局）";
pub const END_REASON_OTHER: &str = "その他";
pub const END_REASON_OTHER_TEXT: &str = "その他の理由";
pub const END_REASON_OTHER_HINT: &str =
    "理由で「その他」を選んだ場合に入力してください（200文字以内）。";
pub const LAST_DAY_OF_USE: &str = "利用終了日";
pub const LAST_DAY_OF_USE_HINT: &str = "このユーザIDを最後に利用する日。例：2024年12月31日";
pub const END_CONFIRM_PAGE: &str = "利用終了の確認";
pub const DECL_END_OF_USE: &str = "利用終了について確認しました";
pub const DECL_END_OF_USE_STATEMENT: &str = "記載した内容に誤りがないこと、および利用終了日の翌日以降はこのユーザIDでログインできなくなることを確認しました。";
