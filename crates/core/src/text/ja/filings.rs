//! Tracking and review: statuses, actions, history, notices, the lists and their search.

// ---- Tracking and review ---------------------------------------------------------------------
pub const STATUS_RECEIVED: &str = "受付済";
pub const STATUS_UNDER_REVIEW: &str = "審査中";
pub const STATUS_RETURNED: &str = "差戻し";
pub const STATUS_ACCEPTED: &str = "受理";
pub const STATUS_REJECTED: &str = "不受理";
pub const STATUS_WITHDRAWN: &str = "取下げ";

pub const ACTION_SUBMIT: &str = "提出";
/// History entry when the operator processed an accepted 利用終了届出.
pub const ACTION_END_USE: &str = "利用終了の処理";
pub const OPERATOR_LABEL: &str = "システム運用担当";
pub const END_USE_DONE: &str = "この届出により、ユーザIDの利用を終了しました。";
pub const END_USE_ALREADY_DONE: &str =
    "このユーザIDは、この届出の処理より前に利用を終了していました。";
pub const ACTION_WITHDRAW: &str = "取下げ";
pub const ACTION_RESUBMIT: &str = "再提出";
pub const ACTION_COPY_TO_NEW_DRAFT: &str = "複写して新規作成";
pub const ACTION_RECEIVE: &str = "受付";
pub const ACTION_START_REVIEW: &str = "審査開始";
pub const ACTION_RETURN: &str = "差戻し";
pub const ACTION_ACCEPT: &str = "受理";
pub const ACTION_REJECT: &str = "不受理";

pub const ACTOR_APPLICANT: &str = "申請者（保険医療機関等）";
pub const ACTOR_REVIEWER: &str = "地方厚生（支）局";
pub const NEXT_ACTOR_NONE: &str = "なし（手続は終了しています）";

/// An action taken by the wrong role.
pub fn transition_wrong_actor(action: &str, who: &str) -> String {
    format!("「{action}」は{who}が行う操作です。この操作はできません。")
}

/// An action on a filing whose status is final.
pub fn transition_final(status: &str, action: &str) -> String {
    format!("この届書・申請書は「{status}」で手続が終了しているため、「{action}」はできません。")
}

/// An action in a status it does not start from.
pub fn transition_wrong_status(status: &str, action: &str, allowed_from: &[&str]) -> String {
    let from: Vec<String> = allowed_from.iter().map(|s| format!("「{s}」")).collect();
    format!(
        "現在の状況は「{status}」のため、「{action}」はできません。「{action}」ができるのは状況が{}のときです。画面を更新して最新の状況を確認してください。",
        from.join("・")
    )
}

pub const REJECTION_REASON_REQUIRED: &str = "不受理の理由を入力してください。";
pub const RETURN_COMMENT_REQUIRED: &str = "差戻しの理由（コメント）を入力してください。";
pub const FIELD_COMMENT_INCOMPLETE: &str =
    "項目ごとのコメントには、項目とコメントの両方を入力してください。";
pub const FIELD_COMMENT_NO_SUCH_ITEM: &str =
    "コメントした項目はこの届出にありません。届出の内容にある項目を選び直してください。";
pub const COMMENT_TOO_LONG: &str = "コメントは2000文字以内で入力してください。";
pub const RETURN_DEADLINE_PAST: &str = "再提出の期限には今日以降の日付を入力してください。";
pub const SEARCH_DATE_INVALID: &str =
    "提出日は「2026-04-01」や「2026/4/1」のように、西暦の年・月・日で入力してください。";
pub const SEARCH_DATE_HINT: &str = "例：2026-04-01、2026/4/1";
pub const SEARCH_STATUS_UNKNOWN: &str = "状況の指定が正しくありません。";
pub const SEARCH_SORT_UNKNOWN: &str = "並び順の指定が正しくありません。";
pub const SEARCH_PAGE_INVALID: &str =
    "ページは1以上、1ページの件数は1から100までで指定してください。";

/// Header row of the review queue's CSV export.
pub const CSV_HEADER: [&str; 10] = [
    "到達番号",
    "提出日時",
    "手続",
    "状況",
    "医療機関等コード",
    "医療機関等名称",
    "都道府県",
    "受理番号",
    "効力発生日",
    "次に対応する者",
];

/// Notice to the applicant that a filing's status changed.
pub fn notice_status_changed(title: &str, arrival_number: &str, status: &str) -> String {
    format!("「{title}」（到達番号 {arrival_number}）の状況が「{status}」になりました。")
}

// Japanese public holidays (国民の祝日に関する法律).
pub const HOLIDAY_NEW_YEAR: &str = "元日";
pub const HOLIDAY_COMING_OF_AGE: &str = "成人の日";
pub const HOLIDAY_FOUNDATION: &str = "建国記念の日";
pub const HOLIDAY_EMPEROR: &str = "天皇誕生日";
pub const HOLIDAY_VERNAL_EQUINOX: &str = "春分の日";
pub const HOLIDAY_SHOWA: &str = "昭和の日";
pub const HOLIDAY_CONSTITUTION: &str = "憲法記念日";
pub const HOLIDAY_GREENERY: &str = "みどりの日";
pub const HOLIDAY_CHILDREN: &str = "こどもの日";
pub const HOLIDAY_MARINE: &str = "海の日";
pub const HOLIDAY_MOUNTAIN: &str = "山の日";
pub const HOLIDAY_RESPECT_AGED: &str = "敬老の日";
pub const HOLIDAY_AUTUMNAL_EQUINOX: &str = "秋分の日";
pub const HOLIDAY_SPORTS: &str = "スポーツの日";
pub const HOLIDAY_HEALTH_SPORTS: &str = "体育の日";
pub const HOLIDAY_CULTURE: &str = "文化の日";
pub const HOLIDAY_LABOUR_THANKSGIVING: &str = "勤労感謝の日";
pub const HOLIDAY_ENTHRONEMENT: &str = "即位の日";
pub const HOLIDAY_ENTHRONEMENT_CEREMONY: &str = "即位礼正殿の儀の行われる日";
pub const HOLIDAY_SUBSTITUTE: &str = "休日（振替休日）";
pub const HOLIDAY_CITIZENS: &str = "休日（国民の休日）";

// ---- Filing list search (SPA) -------------------------------------------------------------------
pub const SEARCH_HEADING: &str = "検索条件";
pub const SEARCH_BUTTON: &str = "検索する";
pub const SEARCH_CLEAR: &str = "条件をクリアする";
pub const ALL_OPTION: &str = "すべて";
pub const SUBMITTED_FROM: &str = "提出日（この日から）";
pub const SUBMITTED_TO: &str = "提出日（この日まで）";
pub const SORT_LABEL: &str = "並び順";
pub const SORT_NEWEST: &str = "提出日の新しい順";
pub const SORT_OLDEST: &str = "提出日の古い順";
pub const SORT_ARRIVAL: &str = "到達番号順";
pub const NO_MATCH: &str = "条件に合う届書・申請書はありません。条件を変えて検索してください。";
pub const PREV_PAGE: &str = "前のページ";
pub const NEXT_PAGE: &str = "次のページ";
pub const PAGINATION_LABEL: &str = "ページ送り";
pub const NEXT_ACTOR: &str = "次の対応";

pub fn result_range(total: u64, first: u64, last: u64) -> String {
    format!("全{total}件中 {first}〜{last}件を表示")
}
pub const DOCUMENTS_HEADING: &str = "書類（PDF）";
pub const DOCUMENTS_LEAD: &str = "公的な控えとして保存・印刷できるPDFです。文書構造を持つPDFなので、画面読み上げソフトでも読めます。";
pub const RECEIPT_PDF_LINK: &str = "到達確認書（控え）のPDF";
pub const ACCEPTANCE_NOTICE_PDF_LINK: &str = "受理通知書のPDF";
pub const PDF_LINK_SUFFIX: &str = "（PDF、新しいファイルとして保存されます）";
pub const RECEIPT_TITLE: &str = "到達確認書（控え）";
pub const RECEIPT_LEAD: &str = "次の申請・届出は、下記の日時に保険医療機関等電子申請・届出等システムに到達しました。照合用ハッシュ値により、この控えと地方厚生（支）局が受け取った内容が同じであることを確かめられます。";
pub const RECEIPT_CONTENT_HEADING: &str = "提出した内容";
pub const ACCEPTANCE_NOTICE_TITLE: &str = "受理通知書";
pub const ACCEPTANCE_NOTICE_LEAD: &str = "次の申請・届出を受理したので通知します。";
pub const ACCEPTED_ON: &str = "受理日";
pub const DOCUMENT_ISSUED_BY: &str = "発行者";
pub const DOCUMENT_ISSUED_ON: &str = "作成日";
pub const DOCUMENT_ADDRESSEE: &str = "宛先";
pub const DOCUMENT_GENERATED_NOTE: &str = "この書類は、保険医療機関等電子申請・届出等システムが記録から作成したものです。記載内容は、システムの「申請・届出の詳細」画面でも確認できます。";
pub const ACCEPTANCE_NUMBER: &str = "受理番号";
pub const EFFECTIVE_DATE: &str = "算定開始日（効力発生日）";
pub const REJECTION_REASON: &str = "不受理の理由";
pub const RETURN_HEADING: &str = "差戻しの内容";
pub const RETURN_DEADLINE: &str = "再提出の期限";
pub const FIELD_COMMENT: &str = "審査担当からのコメント：";
pub const CHANGED_SINCE_LAST: &str = "前回の提出から変更";
pub const DIGEST: &str = "内容の照合用ハッシュ値（SHA-256）";
pub const DIGEST_HINT: &str =
    "印刷した控えと受付側の記録が同じ内容であることを、この値で照合できます。";
pub const HISTORY_HEADING: &str = "履歴";
pub const HISTORY_AT: &str = "日時";
pub const HISTORY_ACTOR: &str = "操作した人";
pub const HISTORY_ACTION: &str = "操作";
pub const HISTORY_COMMENT: &str = "コメント";
pub const ACTIONS_HEADING: &str = "この届書・申請書に対してできること";
pub const WITHDRAW: &str = "取り下げる";
pub const WITHDRAW_CONFIRM_HEADING: &str = "本当に取り下げますか";
pub const WITHDRAW_CONFIRM_BODY: &str = "取り下げると、この届書・申請書の審査は行われません。取り下げた後に同じ内容で届け出るには、複写して新しく作成してください。";
pub const WITHDRAW_COMMENT: &str = "取下げの理由";
pub const WITHDRAW_CONFIRM: &str = "取り下げを確定する";
pub const CANCEL: &str = "やめる";
pub const REVISE: &str = "修正して再提出する";
pub const COPY_TO_NEW: &str = "複写して新しく作成する";
pub const ACTION_DONE: &str = "操作を受け付けました。";
pub const CSV_DOWNLOAD: &str = "検索結果をCSV形式でダウンロードする";
pub const REVIEW_PAGE_TITLE: &str = "届書・申請書の審査";
pub const RECEIVE: &str = "受け付ける";
pub const START_REVIEW: &str = "審査を開始する";
pub const ACCEPT: &str = "受理する";
pub const RETURN_ACTION: &str = "差し戻す";
pub const REJECT_ACTION: &str = "不受理とする";
pub const RETURN_COMMENT_LABEL: &str = "差戻しの理由（申請者へのコメント）";
pub const FIELD_COMMENT_TARGET: &str = "コメントする項目";
pub const FIELD_COMMENT_TEXT: &str = "その項目へのコメント";
pub const ADD_FIELD_COMMENT: &str = "項目へのコメントを追加する";
pub const REMOVE_FIELD_COMMENT: &str = "このコメントを削除する";
pub const REJECT_REASON_REQUIRED: &str = "不受理の理由を入力してください。";
pub const INSTITUTION: &str = "医療機関等";
pub const APP_CRASHED: &str = "画面の表示中に問題が発生しました。お手数ですが、ページを再読み込みしてください。一時保存した内容は失われていません。";
pub const NOTICES_TITLE: &str = "お知らせ";
pub const NOTICES_EMPTY: &str = "お知らせはありません。";
pub const NOTICE_UNREAD: &str = "未読";
pub const NOTICE_READ: &str = "既読";
pub const NOTICE_OPEN: &str = "届書・申請書を見る";
pub const NOTICE_COMMENT: &str = "厚生局からのコメント";
/// The heading of the operator's announcement on the list page.
pub const ANNOUNCEMENT_HEADING: &str = "運営からのお知らせ";
pub const NOTICE_FIELD_COMMENTS: &str = "コメントのある項目";

pub fn notices_link(unread: u64) -> String {
    if unread == 0 {
        NOTICES_TITLE.to_string()
    } else {
        format!("{NOTICES_TITLE}（未読{unread}件）")
    }
}
