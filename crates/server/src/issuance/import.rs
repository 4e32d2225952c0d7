//! `admin import-institutions FILE.csv`: the bureau's list of institutions (address for the
//! letter, and the months with online claims). UTF-8 (with or without BOM) or Shift_JIS/CP932;
//! every row is checked and the import is all-or-nothing.
//!
//! Columns (header row required; order free; Japanese or English names):
//!
//! | Japanese            | English          | content                                    |
//! |---------------------|------------------|--------------------------------------------|
//! | 医療機関コード      | institution_code | 10 digits with check digit                 |
//! | 点数表区分          | class            | 医科 / 歯科 / 調剤 (or medical/dental/pharmacy) |
//! | 名称                | name             | institution name                           |
//! | 郵便番号            | postal_code      | 7 digits, hyphen allowed                   |
//! | 住所1               | address_line1    | address                                    |
//! | 住所2               | address_line2    | building etc. (optional column and value)  |
//! | 都道府県            | prefecture       | must match the code's first two digits     |
//! | オンライン請求月    | claim_months     | `2024-09;2024-10` (may be empty)           |

use std::collections::HashMap;

use crate::db::Pool;
use todoke_core::text::ja;
use todoke_core::text::ja::issuance as t;
use todoke_core::{FeeScheduleClass, InstitutionCode, Prefecture};

use crate::db::{self, to_unix};

/// One checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstitutionRow {
    pub code: InstitutionCode,
    pub class: FeeScheduleClass,
    pub name: String,
    /// 7 ASCII digits.
    pub postal_code: String,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub prefecture: Prefecture,
    /// `YYYY-MM`.
    pub claim_months: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum SourceEncoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "Shift_JIS")]
    ShiftJis,
}

/// Valid UTF-8 (a BOM is dropped) is read as UTF-8; anything else as Shift_JIS (CP932, the
/// WHATWG decoder, which includes the NEC and IBM extensions).
pub fn decode(bytes: &[u8]) -> (String, SourceEncoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), SourceEncoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::SHIFT_JIS.decode(bytes);
            (text.into_owned(), SourceEncoding::ShiftJis)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Column {
    Code,
    Class,
    Name,
    PostalCode,
    Address1,
    Address2,
    Prefecture,
    ClaimMonths,
}

const COLUMNS: [(Column, &str, &[&str]); 8] = [
    (
        Column::Code,
        "医療機関コード",
        &[
            "医療機関コード",
            "医療機関等コード",
            "薬局コード",
            "institution_code",
            "code",
        ],
    ),
    (
        Column::Class,
        "点数表区分",
        &["点数表区分", "区分", "class"],
    ),
    (
        Column::Name,
        "名称",
        &["名称", "医療機関名", "医療機関等名称", "name"],
    ),
    (Column::PostalCode, "郵便番号", &["郵便番号", "postal_code"]),
    (
        Column::Address1,
        "住所1",
        &["住所1", "住所１", "所在地", "address_line1", "address1"],
    ),
    (
        Column::Address2,
        "住所2",
        &["住所2", "住所２", "address_line2", "address2"],
    ),
    (Column::Prefecture, "都道府県", &["都道府県", "prefecture"]),
    (
        Column::ClaimMonths,
        "オンライン請求月",
        &["オンライン請求月", "請求月", "claim_months"],
    ),
];

fn column_for(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    COLUMNS
        .iter()
        .find(|(_, _, names)| names.contains(&h.as_str()))
        .map(|(c, _, _)| *c)
}

/// Why a file was refused: file-level problems, or each bad row (line number) and its reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub file: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", t::IMPORT_REJECTED_HEADING)?;
        for line in &self.file {
            writeln!(f, "{line}")?;
        }
        for (row, reasons) in &self.rows {
            writeln!(f, "{}", t::import_row_heading(*row))?;
            for reason in reasons {
                writeln!(f, "  ・{reason}")?;
            }
        }
        Ok(())
    }
}

/// The physical line (1-based) of each byte offset in `text`, counting `\r\n`, `\n` and a lone
/// `\r` as one line break each, as a text editor numbers them. The csv reader's own line count
/// is off by one on CRLF files (Excel's default), so reports use this instead.
struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self { starts }
    }

    /// The line of the record that the csv reader places at `byte`: its position lies before
    /// the line breaks (and skipped blank lines) that precede the record, so those are passed
    /// over first.
    fn line_of_record(&self, text: &str, byte: usize) -> usize {
        let skipped = text.as_bytes()[byte.min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.starts
            .partition_point(|&start| start <= byte + skipped)
    }
}

/// Parses and checks the whole file. Row numbers are physical line numbers in the file
/// (header = 1, whatever the line endings). Reads the header, then every row, collecting every
/// problem of the file in one report (an operator fixes them all at once).
pub fn parse(bytes: &[u8]) -> Result<(Vec<InstitutionRow>, SourceEncoding), ImportReport> {
    let (text, encoding) = decode(bytes);
    let lines = LineIndex::new(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => records.push(r),
            Err(e) => {
                return Err(ImportReport {
                    file: vec![t::import_file_unreadable(&e.to_string())],
                    rows: vec![],
                });
            }
        }
    }
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return Err(ImportReport {
            file: vec![t::IMPORT_EMPTY.to_string()],
            rows: vec![],
        });
    };
    let index: HashMap<Column, usize> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| column_for(h).map(|c| (c, i)))
        .collect();
    let missing: Vec<String> = COLUMNS
        .iter()
        .filter(|(c, _, _)| *c != Column::Address2 && !index.contains_key(c))
        .map(|(_, name, _)| t::import_header_missing(name))
        .collect();
    if !missing.is_empty() {
        return Err(ImportReport {
            file: missing,
            rows: vec![],
        });
    }
    let mut report = ImportReport::default();
    let mut rows = Vec::new();
    let mut seen: HashMap<(String, FeeScheduleClass), usize> = HashMap::new();
    for record in records {
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_of_record(&text, p.byte() as usize));
        let get = |c: Column| {
            index
                .get(&c)
                .and_then(|&i| record.get(i))
                .unwrap_or("")
                .trim()
        };
        let mut reasons = Vec::new();
        if record.len() != header.len() {
            reasons.push(t::import_column_count(header.len(), record.len()));
        }
        match check_row(get) {
            Ok(row) => {
                let key = (row.code.as_str().to_string(), row.class);
                if let Some(first) = seen.get(&key) {
                    reasons.push(t::import_duplicate(*first));
                } else {
                    seen.insert(key, line);
                }
                if reasons.is_empty() {
                    rows.push(row);
                }
            }
            Err(mut r) => reasons.append(&mut r),
        }
        if !reasons.is_empty() {
            report.rows.push((line, reasons));
        }
    }
    if rows.is_empty() && report.rows.is_empty() {
        report.file.push(t::IMPORT_EMPTY.to_string());
    }
    if report.file.is_empty() && report.rows.is_empty() {
        Ok((rows, encoding))
    } else {
        Err(report)
    }
}

/// Every problem of one row, not only the first: one check per column, in column order.
fn check_row<'a>(get: impl Fn(Column) -> &'a str) -> Result<InstitutionRow, Vec<String>> {
    let mut reasons = Vec::new();
    // The shape is checked first; with a wrong check digit the class and prefecture are still
    // checked against the code's digits, so the report lists every problem of the row.
    let shaped = InstitutionCode::parse(get(Column::Code))
        .map_err(|e| reasons.push(e.to_string()))
        .ok();
    let code = shaped.as_ref().and_then(|c| {
        c.verify_check_digit()
            .map_err(|e| reasons.push(e.to_string()))
            .ok()
            .map(|()| c.clone())
    });
    let class = FeeScheduleClass::parse(get(Column::Class));
    if class.is_none() {
        reasons.push(t::IMPORT_CLASS_UNKNOWN.to_string());
    }
    if let (Some(code), Some(class)) = (&shaped, class)
        && let Err(e) = code.verify_class(class)
    {
        reasons.push(e.to_string());
    }
    let prefecture = Prefecture::parse(get(Column::Prefecture));
    match (&shaped, prefecture) {
        (_, None) => reasons.push(t::IMPORT_PREFECTURE_UNKNOWN.to_string()),
        (Some(code), Some(p)) if code.prefecture() != p => {
            reasons.push(ja::prefecture_mismatch(code.prefecture().name(), p.name()));
        }
        _ => {}
    }
    let postal_code = normalise_postal_code(get(Column::PostalCode));
    if postal_code.is_none() {
        reasons.push(t::IMPORT_POSTAL_CODE.to_string());
    }
    let name = get(Column::Name);
    if name.is_empty() {
        reasons.push(t::IMPORT_NAME_REQUIRED.to_string());
    } else if name.chars().count() > 100 || name.chars().any(char::is_control) {
        reasons.push(t::IMPORT_NAME_TOO_LONG.to_string());
    }
    let address1 = get(Column::Address1);
    let address2 = get(Column::Address2);
    if address1.is_empty() {
        reasons.push(t::IMPORT_ADDRESS_REQUIRED.to_string());
    }
    if [address1, address2]
        .iter()
        .any(|a| a.chars().count() > 100 || a.chars().any(char::is_control))
    {
        reasons.push(t::IMPORT_ADDRESS_TOO_LONG.to_string());
    }
    let mut claim_months = Vec::new();
    for month in get(Column::ClaimMonths)
        .split([';', '；'])
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        if is_claim_month(month) {
            if !claim_months.iter().any(|m| m == month) {
                claim_months.push(month.to_string());
            }
        } else {
            reasons.push(t::import_month_invalid(month));
        }
    }
    match (code, class, prefecture, postal_code) {
        (Some(code), Some(class), Some(prefecture), Some(postal_code)) if reasons.is_empty() => {
            Ok(InstitutionRow {
                code,
                class,
                name: name.to_string(),
                postal_code,
                address_line1: address1.to_string(),
                address_line2: (!address2.is_empty()).then(|| address2.to_string()),
                prefecture,
                claim_months,
            })
        }
        _ => Err(reasons),
    }
}

/// `YYYY-MM` with a month 01–12.
pub fn is_claim_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(s[5..].parse::<u8>(), Ok(1..=12))
}

/// `730-0011`, `7300011`, full-width digits or a leading 〒 → `7300011`.
fn normalise_postal_code(s: &str) -> Option<String> {
    let digits: String = s
        .trim_start_matches('〒')
        .chars()
        .filter(|c| !matches!(c, '-' | '－' | 'ー' | '‐'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    (digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
}

/// Writes the checked rows in one transaction: new institutions are inserted, existing ones
/// (same code and class) updated; claim months are added to those already known.
pub async fn store(
    pool: &Pool,
    rows: &[InstitutionRow],
    now: time::OffsetDateTime,
) -> Result<ImportSummary, sqlx::Error> {
    let now = to_unix(now);
    let mut summary = ImportSummary::default();
    let mut tx = db::begin_write(pool).await?;
    for row in rows {
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM institutions WHERE institution_code = $1 AND fee_schedule_class = $2",
        )
        .bind(row.code.as_str())
        .bind(row.class.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some(id) => {
                sqlx::query(
                    "UPDATE institutions SET name = $1, postal_code = $2, address_line1 = $3,
                         address_line2 = $4, prefecture = $5, updated_at = $6 WHERE id = $7",
                )
                .bind(&row.name)
                .bind(&row.postal_code)
                .bind(&row.address_line1)
                .bind(&row.address_line2)
                .bind(i64::from(row.prefecture.code()))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                summary.updated += 1;
                id
            }
            None => {
                summary.created += 1;
                sqlx::query_scalar(
                    "INSERT INTO institutions (institution_code, fee_schedule_class, name, postal_code,
                         address_line1, address_line2, prefecture, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
                )
                .bind(row.code.as_str())
                .bind(row.class.as_str())
                .bind(&row.name)
                .bind(&row.postal_code)
                .bind(&row.address_line1)
                .bind(&row.address_line2)
                .bind(i64::from(row.prefecture.code()))
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        for month in &row.claim_months {
            sqlx::query(
                "INSERT INTO online_claims (institution_id, claim_month) VALUES ($1, $2)
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(month)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_postal_codes() {
        assert!(is_claim_month("2024-10"));
        assert!(!is_claim_month("2024-13"));
        assert!(!is_claim_month("2024/10"));
        assert!(!is_claim_month("202410"));
        assert_eq!(
            normalise_postal_code("〒730-0011").as_deref(),
            Some("7300011")
        );
        assert_eq!(
            normalise_postal_code("７３０００１１").as_deref(),
            Some("7300011")
        );
        assert_eq!(normalise_postal_code("730-001"), None);
    }

    const HEADER: &str =
        "医療機関コード,点数表区分,名称,郵便番号,住所1,住所2,都道府県,オンライン請求月";
    const GOOD: &str =
        "3410712362,医科,広島内科クリニック,730-0011,広島県広島市中区基町10-52,,広島県,2024-10";
    const OTHER: &str =
        "1330100023,歯科,東京歯科医院,1000001,東京都千代田区千代田1-1,,東京都,2024-10";
    const BAD: &str =
        "3410712369,医科,誤りクリニック,730-0011,広島県広島市中区基町10-52,,広島県,2024-10";

    /// A file whose line `bad_line` is a row with a wrong check digit and whose last line
    /// repeats line 3 (the first data row after one other), joined with `eol`.
    fn file(eol: &str, bad_line: usize) -> String {
        let mut lines = vec![HEADER.to_string(), OTHER.to_string(), GOOD.to_string()];
        while lines.len() + 1 < bad_line {
            lines.push(String::new()); // blank lines are skipped but still counted
        }
        lines.push(BAD.to_string());
        lines.push(GOOD.to_string());
        let mut text = lines.join(eol);
        text.push_str(eol);
        text
    }

    fn reported_lines(bytes: &[u8]) -> Vec<usize> {
        let report = parse(bytes).expect_err("the file has bad rows");
        report.rows.iter().map(|(line, _)| *line).collect()
    }

    #[test]
    fn rows_are_reported_by_their_physical_line_for_any_line_ending_and_encoding() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = file(eol, 21);
            let last = 22;
            assert_eq!(reported_lines(text.as_bytes()), [21, last], "{eol:?}");
            let with_bom = format!("\u{feff}{text}");
            assert_eq!(
                reported_lines(with_bom.as_bytes()),
                [21, last],
                "{eol:?} BOM"
            );
            let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
            assert_eq!(reported_lines(&cp932), [21, last], "{eol:?} CP932");
            let report = parse(text.as_bytes()).unwrap_err();
            assert_eq!(report.rows[1].1, [t::import_duplicate(3)], "{eol:?}");
        }
    }

    #[test]
    fn a_quoted_line_break_stays_inside_its_row() {
        // The name with a line break is refused on line 2; the next row starts on line 4.
        let text = format!(
            "{HEADER}\r\n3410712362,医科,\"広島内科\r\nクリニック\",730-0011,広島県広島市中区基町10-52,,広島県,2024-10\r\n{BAD}\r\n"
        );
        assert_eq!(reported_lines(text.as_bytes()), [2, 4]);
    }

    #[test]
    fn utf8_with_bom_and_cp932_decode() {
        let (s, e) = decode("\u{feff}名称".as_bytes());
        assert_eq!((s.as_str(), e), ("名称", SourceEncoding::Utf8));
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("広島県①");
        let (s, e) = decode(&bytes);
        assert_eq!((s.as_str(), e), ("広島県①", SourceEncoding::ShiftJis));
    }
}
