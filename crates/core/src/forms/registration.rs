//! 保険医 / 保険薬剤師 registration symbol and number (登録の記号及び番号), e.g. `阪医52752`:
//! a one-kanji prefecture abbreviation, 医 (保険医, medical), 歯 (保険医, dental) or 薬 (保険薬剤師),
//! and a serial number. No check digit is known, so only the shape is checked.

use crate::institution::FeeScheduleClass;
use crate::width::to_half_width;

/// The one-kanji abbreviations accepted for each prefecture, in JIS X 0401 order (01 北海道 …
/// 47 沖縄県). Data, not logic, and *(confirm)*: these are the usual one-kanji short forms
/// (the first kanji of the name, plus a distinguishing kanji where first kanji collide, as in
/// 福島・福井・福岡 or 山形・山梨・山口). The bureaus' own symbol lists should replace this table
/// when they are published; the shape check only needs to know the set.
pub const PREFECTURE_ABBREVIATIONS: [&[char]; 47] = [
    &['北', '道'], // 北海道
    &['青'],       // 青森県
    &['岩'],       // 岩手県
    &['宮', '城'], // 宮城県
    &['秋'],       // 秋田県
    &['山', '形'], // 山形県
    &['福', '島'], // 福島県
    &['茨'],       // 茨城県
    &['栃'],       // 栃木県
    &['群'],       // 群馬県
    &['埼'],       // 埼玉県
    &['千'],       // 千葉県
    &['東'],       // 東京都
    &['神'],       // 神奈川県
    &['新'],       // 新潟県
    &['富'],       // 富山県
    &['石'],       // 石川県
    &['福', '井'], // 福井県
    &['山', '梨'], // 山梨県
    &['長', '野'], // 長野県
    &['岐'],       // 岐阜県
    &['静'],       // 静岡県
    &['愛'],       // 愛知県
    &['三'],       // 三重県
    &['滋'],       // 滋賀県
    &['京'],       // 京都府
    &['阪', '大'], // 大阪府
    &['兵'],       // 兵庫県
    &['奈'],       // 奈良県
    &['和'],       // 和歌山県
    &['鳥'],       // 鳥取県
    &['島', '根'], // 島根県
    &['岡'],       // 岡山県
    &['広'],       // 広島県
    &['山', '口'], // 山口県
    &['徳'],       // 徳島県
    &['香'],       // 香川県
    &['愛', '媛'], // 愛媛県
    &['高'],       // 高知県
    &['福'],       // 福岡県
    &['佐'],       // 佐賀県
    &['長', '崎'], // 長崎県
    &['熊'],       // 熊本県
    &['大', '分'], // 大分県
    &['宮', '崎'], // 宮崎県
    &['鹿'],       // 鹿児島県
    &['沖'],       // 沖縄県
];

/// Most digits a serial number may have.
pub const MAX_SERIAL_DIGITS: usize = 7;

/// What the registration is for: the kanji after the prefecture abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profession {
    /// 医: 保険医 (medicine)
    Medical,
    /// 歯: 保険医 (dentistry)
    Dental,
    /// 薬: 保険薬剤師
    Pharmacist,
}

impl Profession {
    pub fn kanji(self) -> char {
        match self {
            Self::Medical => '医',
            Self::Dental => '歯',
            Self::Pharmacist => '薬',
        }
    }

    fn from_kanji(c: char) -> Option<Self> {
        match c {
            '医' => Some(Self::Medical),
            '歯' => Some(Self::Dental),
            '薬' => Some(Self::Pharmacist),
            _ => None,
        }
    }

    /// The registration that an institution of `class` files: 医科 → 医, 歯科 → 歯, 調剤 → 薬.
    pub fn for_class(class: FeeScheduleClass) -> Self {
        match class {
            FeeScheduleClass::Medical => Self::Medical,
            FeeScheduleClass::Dental => Self::Dental,
            FeeScheduleClass::Pharmacy => Self::Pharmacist,
        }
    }
}

/// A registration symbol and number in its canonical form: `阪医52752`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationNumber {
    pub prefecture: char,
    pub profession: Profession,
    /// The serial number as written, without leading zeros removed (half-width digits).
    pub serial: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationNumberError {
    Empty,
    /// Not kanji + 医/歯/薬 + digits.
    Shape,
    /// The first kanji is not a prefecture abbreviation.
    UnknownPrefecture,
}

impl RegistrationNumber {
    /// Accepts full-width digits, spaces, and the written forms 「阪医第52752号」.
    pub fn parse(input: &str) -> Result<Self, RegistrationNumberError> {
        let half = to_half_width(input).value;
        let s: String = half
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '第' | '号' | '-'))
            .collect();
        if s.is_empty() {
            return Err(RegistrationNumberError::Empty);
        }
        let mut chars = s.chars();
        let (Some(pref), Some(prof)) = (chars.next(), chars.next()) else {
            return Err(RegistrationNumberError::Shape);
        };
        let serial: String = chars.collect();
        let profession = Profession::from_kanji(prof).ok_or(RegistrationNumberError::Shape)?;
        if serial.is_empty()
            || serial.len() > MAX_SERIAL_DIGITS
            || !serial.bytes().all(|b| b.is_ascii_digit())
            || pref.is_ascii()
        {
            return Err(RegistrationNumberError::Shape);
        }
        if !PREFECTURE_ABBREVIATIONS.iter().any(|a| a.contains(&pref)) {
            return Err(RegistrationNumberError::UnknownPrefecture);
        }
        Ok(Self {
            prefecture: pref,
            profession,
            serial,
        })
    }
}

impl std::fmt::Display for RegistrationNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}{}{}",
            self.prefecture,
            self.profession.kanji(),
            self.serial
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let ok = [
            ("阪医52752", "阪医52752", Profession::Medical),
            ("阪医５２７５２", "阪医52752", Profession::Medical),
            ("東歯 1234", "東歯1234", Profession::Dental),
            ("京薬第００１２３号", "京薬00123", Profession::Pharmacist),
            ("北医1", "北医1", Profession::Medical),
            ("沖薬9999999", "沖薬9999999", Profession::Pharmacist),
        ];
        for (input, canonical, profession) in ok {
            let r = RegistrationNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(r.to_string(), canonical);
            assert_eq!(r.profession, profession);
        }
        let bad = [
            ("", RegistrationNumberError::Empty),
            ("52752", RegistrationNumberError::Shape),
            ("阪医", RegistrationNumberError::Shape),
            ("阪看52752", RegistrationNumberError::Shape),
            ("阪医52A52", RegistrationNumberError::Shape),
            ("阪医12345678", RegistrationNumberError::Shape),
            ("A医52752", RegistrationNumberError::Shape),
            ("米医52752", RegistrationNumberError::UnknownPrefecture),
        ];
        for (input, err) in bad {
            assert_eq!(RegistrationNumber::parse(input), Err(err), "{input}");
        }
    }

    #[test]
    fn table_covers_every_prefecture() {
        assert_eq!(PREFECTURE_ABBREVIATIONS.len(), 47);
        assert!(PREFECTURE_ABBREVIATIONS.iter().all(|a| !a.is_empty()));
    }

    #[test]
    fn profession_for_class() {
        assert_eq!(
            Profession::for_class(FeeScheduleClass::Medical).kanji(),
            '医'
        );
        assert_eq!(
            Profession::for_class(FeeScheduleClass::Dental).kanji(),
            '歯'
        );
        assert_eq!(
            Profession::for_class(FeeScheduleClass::Pharmacy).kanji(),
            '薬'
        );
    }
}
