//! Settings that take one of a few names (a dataset, an activation, …): the [`Choice`] trait and
//! the [`choices!`] macro that declares such an enum with its names written once.

/// An enum whose values are named in configs and links ("tanh", "leakyRelu").
pub trait Choice: Sized + Copy + 'static {
    /// Every name, in the order pages list them.
    const NAMES: &'static [&'static str];
    /// Every value, in the order of [`Choice::NAMES`].
    const ALL: &'static [Self];

    /// The value's name.
    fn name(self) -> &'static str;

    /// The value named `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.iter().position(|&n| n == name).map(|i| Self::ALL[i])
    }
}

/// Declares an enum of named values: each variant with its doc comment and its name
/// (`Tanh = "tanh",`), in the order pages list them. The enum serializes as its names and
/// implements [`Choice`] and the settings' `Field`.
macro_rules! choices {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[doc = $doc:literal])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
        $vis enum $name {
            $( $(#[doc = $doc])* #[serde(rename = $text)] $variant, )+
        }

        impl $crate::config::Choice for $name {
            const NAMES: &'static [&'static str] = &[$($text),+];
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }

        impl $crate::config::Field for $name {
            fn read(value: &$crate::config::Value, key: &str, _kind: &$crate::config::Kind) -> $crate::error::Result<Self> {
                let name = value.text(key)?;
                <$name as $crate::config::Choice>::from_name(name).ok_or_else(|| {
                    $crate::error::Error::unknown_choice(key, <$name as $crate::config::Choice>::NAMES, name)
                })
            }

            fn check(&self, _key: &str, _kind: &$crate::config::Kind) -> $crate::error::Result<()> {
                Ok(())
            }
        }
    };
}
pub(crate) use choices;
