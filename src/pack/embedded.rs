//! The default claims pack, compiled into the binary so crosscheck works from any folder.
//! `tests/pack.rs` checks that every file under `claims/` is listed here.

/// `(path relative to claims/, contents)` for every file of the default pack.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("pack.toml", include_str!("../../claims/pack.toml")),
    (
        "abbreviations.toml",
        include_str!("../../claims/abbreviations.toml"),
    ),
    ("aliases.toml", include_str!("../../claims/aliases.toml")),
    (
        "boilerplate.toml",
        include_str!("../../claims/boilerplate.toml"),
    ),
    ("entities.toml", include_str!("../../claims/entities.toml")),
    ("events.toml", include_str!("../../claims/events.toml")),
    (
        "exchange_rates.toml",
        include_str!("../../claims/exchange_rates.toml"),
    ),
    (
        "occasions.toml",
        include_str!("../../claims/occasions.toml"),
    ),
    (
        "speech_verbs.toml",
        include_str!("../../claims/speech_verbs.toml"),
    ),
    ("units.toml", include_str!("../../claims/units.toml")),
    (
        "vague_quantities.toml",
        include_str!("../../claims/vague_quantities.toml"),
    ),
    (
        "kinds/arrests.toml",
        include_str!("../../claims/kinds/arrests.toml"),
    ),
    (
        "kinds/casualties.toml",
        include_str!("../../claims/kinds/casualties.toml"),
    ),
    (
        "kinds/counts.toml",
        include_str!("../../claims/kinds/counts.toml"),
    ),
    (
        "kinds/durations.toml",
        include_str!("../../claims/kinds/durations.toml"),
    ),
    (
        "kinds/measures.toml",
        include_str!("../../claims/kinds/measures.toml"),
    ),
    (
        "kinds/money.toml",
        include_str!("../../claims/kinds/money.toml"),
    ),
    (
        "kinds/ratios.toml",
        include_str!("../../claims/kinds/ratios.toml"),
    ),
    (
        "kinds/shares.toml",
        include_str!("../../claims/kinds/shares.toml"),
    ),
    (
        "kinds/votes.toml",
        include_str!("../../claims/kinds/votes.toml"),
    ),
];
