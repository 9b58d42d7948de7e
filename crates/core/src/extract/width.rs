//! Full-width forms: Japanese papers write Latin names and figures in
//! full-width letters ("ＪＡＸＡ", "ＯＡＩＣ", "２０２３年"). The rules read
//! ASCII, so they read a folded copy; every span found in the copy is then
//! mapped back onto the article as given, so evidence stays its own words.

use super::{Draft, ExtractedEvent, Found};

/// A folded copy of a text and, for every byte offset of the copy (its
/// length included), the offset in the text as given.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
}

/// Full-width digits and Latin letters.
pub fn wide_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Full-width digits only.
pub fn wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// `text` with the characters `wide` picks written in ASCII, or `None`
/// when it has none (the common case costs one scan).
pub fn fold(text: &str, wide: fn(char) -> bool) -> Option<Folded> {
    if !text.chars().any(wide) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let c = if wide(c) {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        } else {
            c
        };
        origin.extend(std::iter::repeat_n(at, c.len_utf8()));
        folded.push(c);
    }
    origin.push(text.len());
    Some(Folded {
        text: folded,
        origin,
    })
}

impl Folded {
    /// The offset in the text as given of the copy's offset `at`.
    pub fn origin(&self, at: usize) -> usize {
        self.origin.get(at).copied().unwrap_or(at)
    }

    /// The draft read from the copy, with every span, evidence, title and
    /// opening sentence put back onto `given`, the text as given.
    pub fn restore(&self, mut draft: Draft, given: &str) -> Draft {
        let found = [
            &mut draft.company,
            &mut draft.counterparty,
            &mut draft.regulator,
            &mut draft.country,
            &mut draft.status,
            &mut draft.next_best.company,
        ];
        for f in found.into_iter().flatten() {
            self.restore_found(f, given);
        }
        let counts = [
            &mut draft.records_affected,
            &mut draft.users_affected,
            &mut draft.next_best.records_affected,
            &mut draft.next_best.users_affected,
        ];
        for f in counts.into_iter().flatten() {
            self.restore_found(f, given);
        }
        if let Some(f) = draft.fine.as_mut() {
            self.restore_found(f, given);
        }
        for e in &mut draft.events {
            self.restore_event(e, given);
        }
        draft.title = draft.title.map(|t| self.as_given(&t, given));
        draft.first_sentence = draft.first_sentence.map(|t| self.as_given(&t, given));
        draft
    }

    fn restore_found<T>(&self, f: &mut Found<T>, given: &str) {
        (f.start, f.end) = (self.origin(f.start), self.origin(f.end));
        f.evidence = given.get(f.start..f.end).unwrap_or_default().to_string();
    }

    fn restore_event(&self, e: &mut ExtractedEvent, given: &str) {
        (e.start, e.end) = (self.origin(e.start), self.origin(e.end));
        e.evidence = given.get(e.start..e.end).unwrap_or_default().to_string();
    }

    /// A piece of the copy (the headline, the opening sentence) as the
    /// text gives it: the same characters at its first place in the copy.
    fn as_given(&self, piece: &str, given: &str) -> String {
        match self.text.find(piece) {
            Some(at) => given
                .get(self.origin(at)..self.origin(at + piece.len()))
                .map_or_else(|| piece.to_string(), str::to_string),
            None => piece.to_string(),
        }
    }
}
