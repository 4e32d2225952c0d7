//! The filing wizard, and drafts and submission as the server reports them.

// ---- Filing wizard ----------------------------------------------------------------------------
pub const PROCEDURES_TITLE: &str = "届書・申請書の作成";
pub const PROCEDURES_LEAD: &str = "作成する手続きを選んでください。入力した内容はページを移るたびに一時保存され、後から続きを入力できます。";
pub const NEW_FILING_LINK: &str = "新しい届書・申請書を作成する";
pub const CREATING: &str = "作成しています…";
pub const NEXT: &str = "次へ";
pub const BACK: &str = "戻る";
pub const TO_REVIEW: &str = "入力内容の確認へ進む";
pub const SAVE_DRAFT: &str = "一時保存";
pub const SAVING: &str = "保存しています…";
pub const CONFLICT_OVERWRITE: &str = "この画面の内容で保存し直す";
pub const YEAR: &str = "年";
pub const MONTH: &str = "月";
pub const DAY: &str = "日";
pub const DATE_HINT: &str = "西暦で入力してください（例：2024年8月1日）。";
pub const COMPUTED_FORMULA: &str = "計算式";
pub const COMPUTED_INPUTS: &str = "使用した値";
pub const COMPUTED_RESULT: &str = "結果";
pub const COMPUTED_THRESHOLD: &str = "基準";
pub const COMPUTED_MET: &str = "基準を満たしています";
pub const COMPUTED_NOT_MET: &str = "基準を満たしていません";
pub const NORMALISED_NOTICE: &str =
    "全角で入力された数字・英字・記号などを半角に、半角カナを全角カナに直しました。";
pub const REVIEW_TITLE: &str = "入力内容の確認";
pub const REVIEW_LEAD: &str = "内容を確認して「提出する」を押してください。直す場合は、各項目の「変更」から入力画面に戻れます。";
pub const CHANGE: &str = "変更";
pub const NOT_ENTERED: &str = "（未入力）";
pub const WARNINGS_HEADING: &str = "確認が必要な事項";
pub const WARNINGS_LEAD: &str =
    "次の事項は提出を止めるものではありませんが、内容を確認してから提出してください。";
pub const WARNING_ACK: &str = "この内容を確認しました";
pub const WARNING_ACK_REQUIRED: &str = "確認が必要な事項を確認し、チェックを入れてください。";
pub const REVIEW_HAS_ERRORS: &str =
    "入力内容に誤りがあります。「変更」から入力画面に戻って修正してください。";
pub const SUBMIT: &str = "提出する";
pub const SUBMITTING: &str = "提出しています…";
pub const COMPLETE_TITLE: &str = "提出が完了しました";
pub const SUBMISSION_TITLE: &str = "提出した届書・申請書";
pub const ARRIVAL_NUMBER: &str = "到達番号";
pub const SUBMITTED_AT: &str = "提出日時";
pub const PROCEDURE: &str = "手続き";
pub const FORM_VERSION: &str = "様式の版";
pub const STATUS: &str = "状態";
pub const UPDATED_AT: &str = "更新日時";
pub const ACTIONS: &str = "操作";
pub const NEXT_STEPS_HEADING: &str = "この後の流れ";
pub const NEXT_STEPS_BODY: &str = "地方厚生（支）局が受け付けて審査します。状況は「届書・申請書検索一覧」で確認できます。内容に不備がある場合は差戻しとなり、理由が表示されます。紙で同じ内容を届け出る必要はありません。";
pub const KEEP_RECORD: &str = "控えとして、この画面を印刷するか、到達番号を記録してください。";
pub const PRINT: &str = "この画面を印刷する";
pub const SUBMITTED_CONTENT: &str = "提出した内容";
pub const CONTINUE_DRAFT: &str = "続きを入力する";
pub const VIEW_SUBMISSION: &str = "内容を見る";
pub const FILINGS_CAPTION: &str = "作成中・提出済みの届書・申請書";

pub fn progress(current: usize, total: usize) -> String {
    format!("{current} / {total} ページ")
}

pub fn add_row(row_label: &str) -> String {
    format!("{row_label}を追加する")
}

pub fn remove_row(row_label: &str, n: usize) -> String {
    format!("{row_label}（{n}行目）を削除する")
}

pub fn row_heading(row_label: &str, n: usize) -> String {
    format!("{row_label}（{n}行目）")
}

pub fn saved_at(time: &str) -> String {
    format!("一時保存しました（{time}）。")
}

pub fn start_form(title: &str) -> String {
    format!("「{title}」を作成する")
}

pub fn continue_draft(title: &str) -> String {
    format!("「{title}」の続きを入力する")
}

// ---- Drafts and submission (server) ----------------------------------------------------------
pub const DRAFT_ALREADY_SUBMITTED: &str = "この届書はすでに提出されています。提出した後は変更・削除できません。提出した内容は届書・申請書の一覧で確認できます。";
/// Prefix of an unacknowledged warning in the server's 422 answer to a submission.
pub const SUBMIT_WARNING_NOT_ACKNOWLEDGED: &str =
    "次の注意事項を確認し、「確認しました」にチェックしてから提出してください。";

/// A warning that was not acknowledged before submission, with its own message after the note.
pub fn submit_warning_not_acknowledged(message: &str) -> String {
    format!("{SUBMIT_WARNING_NOT_ACKNOWLEDGED}{message}")
}
pub const SELECT_PLACEHOLDER: &str = "選択してください";
