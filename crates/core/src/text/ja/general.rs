//! Words and shapes every page shares: general messages, classes, identifiers, the API request
//! shape.

// ---- General -------------------------------------------------------------------------------
pub const SERVICE_NAME: &str = "保険医療機関等電子申請・届出等システム";
pub const SERVICE_SHORT: &str = "電子申請・届出";
pub const REQUIRED_BADGE: &str = "※必須";
pub const OPTIONAL_BADGE: &str = "※任意";
pub const ERROR_PREFIX: &str = "エラー：";
pub const ERROR_SUMMARY_HEADING: &str = "入力内容に誤りがあります";
pub const INLINE_ERROR_MARK: &str = "＊";
/// The app's header when embedded: a region, named apart from the app's main region.
pub const HEADER_REGION_LABEL: &str = "電子申請・届出のメニュー";
pub const SKIP_TO_MAIN: &str = "本文へ移動";
pub const MANUAL_LINK: &str = "マニュアル";
pub const LOGOUT: &str = "ログアウト";
pub const LOADING: &str = "読み込んでいます…";
/// A page whose code arrives on demand (`src/routes/chunks.rs`) could not be fetched.
pub const PAGE_CHUNK_FAILED_TITLE: &str = "画面を表示できませんでした";
pub const PAGE_CHUNK_FAILED_BODY: &str = "この画面のプログラムを読み込めませんでした。インターネット接続を確認してから、「もう一度読み込む」を押してください。";
pub const PAGE_CHUNK_RETRY: &str = "もう一度読み込む";
pub const SHOW_PASSWORD: &str = "パスワードを表示する";
pub const HIDE_PASSWORD: &str = "パスワードを隠す";
pub const PASSWORD_SHOWN_STATUS: &str = "パスワードを表示しています。";
pub const PASSWORD_HIDDEN_STATUS: &str = "パスワードを隠しています。";
pub const RULE_MET: &str = "（満たしています）";
pub const RULE_NOT_MET: &str = "（まだ満たしていません）";
pub const NOT_FOUND_TITLE: &str = "ページが見つかりません";
pub const NOT_FOUND_BODY: &str =
    "お探しのページは見つかりませんでした。アドレスに誤りがないか確認してください。";
pub const BACK_TO_TOP: &str = "届書・申請書検索一覧へ戻る";
pub const BACK_TO_LOGIN: &str = "ログイン画面へ戻る";
pub const NETWORK_ERROR: &str = "サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。入力した内容は残っています。";
pub const UNEXPECTED_ERROR: &str = "システムで問題が発生しました。時間をおいてもう一度お試しください。入力した内容は残っています。";
pub const VALIDATION_FAILED: &str =
    "入力内容に誤りがあります。各項目のメッセージを確認して修正してください。";

// ---- Classes --------------------------------------------------------------------------------
pub const CLASS_MEDICAL: &str = "医科";
pub const CLASS_DENTAL: &str = "歯科";
pub const CLASS_PHARMACY: &str = "調剤";

// ---- Identifiers ----------------------------------------------------------------------------
pub const INSTITUTION_CODE_REQUIRED: &str = "医療機関コードを入力してください。";
pub const INSTITUTION_CODE_SHAPE: &str = "医療機関コードを10桁の数字で入力してください。";
pub const INSTITUTION_CODE_PREFECTURE: &str =
    "医療機関コードの先頭2桁は都道府県番号（01〜47）です。コードを確認して入力してください。";
pub const INSTITUTION_CODE_CLASS_DIGIT: &str = "医療機関コードの3桁目は点数表番号（医科は1、歯科は3、調剤は4）です。コードを確認して入力してください。";

pub fn institution_code_check_digit(expected: u8) -> String {
    format!(
        "医療機関コードの検証番号（10桁目）が一致しません（計算上は{expected}です）。コードを確認してください。"
    )
}

pub fn institution_code_class_mismatch(code_class: crate::FeeScheduleClass) -> String {
    format!(
        "医療機関コードの点数表番号は{}を示しています。点数表区分とコードを確認してください。",
        code_class.label()
    )
}

pub const USER_ID_REQUIRED: &str = "ユーザIDを入力してください。";
pub const USER_ID_SHAPE: &str =
    "ユーザIDは、ご利用案内に記載の半角英数字とハイフン（4〜32文字）で入力してください。";

// ---- API request shape ----------------------------------------------------------------------
pub const JSON_FIELDS_INVALID: &str = "送信内容の項目が不足しているか、項目の形式が正しくありません。画面を再読み込みしてから、もう一度操作してください。";

// Prefectures (JIS X 0401 order) and Regional Bureaus of Health and Welfare
pub const PREFECTURE_NAMES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];
/// 北海道, 東北, 関東信越, 東海北陸, 近畿, 中国四国, 四国（支局）, 九州の順。
pub const BUREAU_NAMES: [&str; 8] = [
    "北海道厚生局",
    "東北厚生局",
    "関東信越厚生局",
    "東海北陸厚生局",
    "近畿厚生局",
    "中国四国厚生局",
    "四国厚生支局",
    "九州厚生局",
];

// ---- Punctuation ----------------------------------------------------------------------------
/// 「本文（補足）」
pub fn parenthetical(text: &str, aside: &str) -> String {
    format!("{text}（{aside}）")
}
/// A PDF page footer's page number: 「1／3ページ」.
pub fn page_number(page: usize, total: usize) -> String {
    format!("{page}／{total}ページ")
}
/// 「項目：値」
pub fn label_value(label: &str, value: &str) -> String {
    format!("{label}：{value}")
}
/// Between label and value when they are separate elements: 「：」.
pub const LABEL_VALUE_SEPARATOR: &str = "：";
/// Between the items of a run-in list: 「、」.
pub const LIST_SEPARATOR: &str = "、";
/// Between the parts of one identifier line: 「・」.
pub const PARTS_SEPARATOR: &str = "・";
/// Between a row's heading and a field label: 全角スペース.
pub const HEADING_SEPARATOR: &str = "　";
