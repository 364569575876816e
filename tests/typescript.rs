//! The package's TypeScript declarations of its settings (src/wasm/settings.d.ts, appended to
//! the generated .d.ts) are written from the settings tables — each key's type, meaning, range
//! and default — so they cannot drift from the core. This test writes them anew and compares;
//! `UPDATE_TYPESCRIPT=1 cargo test --test typescript` rewrites the file after a table changes.

use nn_playground::analysis::landscape::{SurfaceRequest, SURFACE_SETTINGS};
use nn_playground::config::{Config, Kind, Setting, CONFIG_SETTINGS};
use serde::Serialize;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm/settings.d.ts");

/// The TypeScript type of a setting.
fn type_of(kind: &Kind) -> String {
    match kind {
        Kind::Number { .. } | Kind::Integer { .. } => "number".into(),
        Kind::Choice { choices } => choices.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(" | "),
        Kind::Set { choices } => {
            format!("({})[]", choices.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(" | "))
        }
        Kind::Pair { .. } => "[number, number]".into(),
        Kind::Layers { .. } | Kind::Points { .. } => "number[]".into(),
    }
}

/// The limits of a setting in words ("" for a choice: its type lists them).
fn limits_of(kind: &Kind) -> String {
    match kind {
        Kind::Number { range } => format!(" Range: {range}."),
        Kind::Integer { range } => format!(" Range: a whole number {range}."),
        Kind::Pair { range, non_zero } => {
            format!(" Each number {range}{}.", if *non_zero { ", not 0" } else { "" })
        }
        Kind::Layers { max_layers, range } => format!(" At most {max_layers} layers, each {range} units."),
        Kind::Points { max_points, range } => format!(" At most {max_points} points, every number {range}."),
        Kind::Set { .. } => " At least one; a repeat counts once.".into(),
        Kind::Choice { .. } => String::new(),
    }
}

/// A default as TypeScript would write it (1 rather than 1.0).
fn literal(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        serde_json::Value::Array(items) => format!("[{}]", items.iter().map(literal).collect::<Vec<_>>().join(", ")),
        other => other.to_string(),
    }
}

/// One interface: every setting with its meaning, limits and default (when it has one).
fn interface(name: &str, doc: &str, settings: &[Setting], defaults: &impl Serialize) -> String {
    let defaults = serde_json::to_value(defaults).expect("defaults serialize");
    let mut out = format!("/** {doc} */\nexport interface {name} {{\n");
    for setting in settings {
        let meaning = setting.doc.lines().map(str::trim).collect::<Vec<_>>().join(" ");
        let default = match &defaults[setting.key] {
            serde_json::Value::Null => String::new(),
            value => format!(" Default {}.", literal(value)),
        };
        out += &format!("  /** {meaning}{}{default} */\n", limits_of(&setting.kind));
        out += &format!("  {}?: {};\n", setting.key, type_of(&setting.kind));
    }
    out + "}\n"
}

/// The whole file.
fn declarations() -> String {
    let config = Config::default().validated().expect("the defaults are valid");
    format!(
        "// Written from the settings tables by tests/typescript.rs: edit the tables, not this file.\n\n{}\n{}",
        interface(
            "PlaygroundConfig",
            "Configuration of a playground; every key is optional (`configSchema()` describes the same keys).",
            CONFIG_SETTINGS,
            &config
        ),
        interface(
            "SurfaceRequest",
            "What `lossSurface` computes; every key is optional.",
            SURFACE_SETTINGS,
            &SurfaceRequest::default()
        ),
    )
}

#[test]
fn the_typescript_declarations_are_written_from_the_settings_tables() {
    let expected = declarations();
    if std::env::var_os("UPDATE_TYPESCRIPT").is_some() {
        std::fs::write(PATH, &expected).expect("write the declarations");
    }
    let actual = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        actual == expected,
        "{PATH} differs from the settings tables; run `UPDATE_TYPESCRIPT=1 cargo test --test typescript`.\nExpected:\n{expected}"
    );
}
