//! Event builders the core's test files share.

// Each test file uses some of these helpers, not all.
#![allow(dead_code)]

use incidents_core::model::EventInput;
use incidents_core::money::AmountText;

/// An event of `kind` on `date`, with the regulator acting if any.
pub fn ev(kind: &str, date: &str, regulator: Option<&str>) -> EventInput {
    EventInput {
        kind: kind.into(),
        date: date.into(),
        regulator: regulator.map(Into::into),
        ..Default::default()
    }
}

/// An event with an amount of money (a fine, a proposed fine, a settlement).
pub fn money(kind: &str, date: &str, regulator: &str, amount: &str, currency: &str) -> EventInput {
    EventInput {
        amount: Some(AmountText(amount.into())),
        currency: Some(currency.into()),
        ..ev(kind, date, Some(regulator))
    }
}
