//! Keyword enums: a closed set of values that are stored, typed and shown as
//! snake_case keywords (`under_investigation`). Every such enum — status, event
//! kind, import field, sort key — is declared through [`keyword_enum!`], so all
//! of them parse and print one way, with one error for an unknown keyword, and
//! serde goes through the same two functions.

/// Declares `enum $name` with `ALL`, `as_str`, `label`, `parse`, `Display`,
/// serde through `as_str`/`parse`, and reading from a SQLite column.
/// `$what` names the kind of value in errors ("status", "sort column").
macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal {
        $($(#[$vattr:meta])* $variant:ident => $text:literal, $label:literal;)+
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vattr])* $variant),+ }

        impl $name {
            /// Every value, in the order shown to analysts.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The keyword as stored and typed.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The label shown in the app.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a keyword (surrounding spaces ignored); `field` names the
            /// input in the error, which lists every keyword.
            pub fn parse(field: &str, text: &str) -> $crate::error::Result<Self> {
                let t = text.trim();
                Self::ALL.iter().copied().find(|v| v.as_str() == t).ok_or_else(|| {
                    let known: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    $crate::error::Error::invalid(
                        field,
                        $crate::msg!(
                            "error.unknown_keyword",
                            "unknown {what} '{t}'; use one of: {known}",
                            what = $what,
                            t = t,
                            known = known.join(", ")
                        ),
                    )
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse($what, &text).map_err(|e| serde::de::Error::custom(e.message()))
            }
        }

        /// Read straight from a column; a keyword this build does not know
        /// (written by hand or by a newer build) is a conversion error, not a panic.
        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse($what, text).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

pub(crate) use keyword_enum;

#[cfg(test)]
mod tests {
    keyword_enum!(
        /// A test enum.
        Colour, "colour" {
            /// The first.
            Red => "red", "Red";
            DarkBlue => "dark_blue", "Dark blue";
        }
    );

    #[test]
    fn a_keyword_parses_prints_and_crosses_serde_the_same_way() {
        assert_eq!(Colour::parse("c", " dark_blue ").unwrap(), Colour::DarkBlue);
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
        assert_eq!(Colour::DarkBlue.label(), "Dark blue");
        assert_eq!(
            serde_json::to_string(&Colour::DarkBlue).unwrap(),
            "\"dark_blue\""
        );
        let back: Colour = serde_json::from_str("\"red\"").unwrap();
        assert_eq!(back, Colour::Red);
        let err = Colour::parse("paint", "blue").unwrap_err();
        assert_eq!(err.field(), Some("paint"));
        assert_eq!(
            err.message(),
            "unknown colour 'blue'; use one of: red, dark_blue"
        );
        let bad = serde_json::from_str::<Colour>("\"Red\"").unwrap_err();
        assert!(bad.to_string().contains("unknown colour 'Red'"), "{bad}");
    }
}
