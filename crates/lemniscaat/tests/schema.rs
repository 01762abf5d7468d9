//! The checked-in JSON Schema matches the types (regenerate with
//! `LEMNISCAAT_WRITE_SCHEMA=1 cargo test --workspace --all-features --test schema`).
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = lemniscaat::schema::generate();
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/dataset.schema.json");
    if std::env::var_os("LEMNISCAAT_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "docs/dataset.schema.json is out of date: run LEMNISCAAT_WRITE_SCHEMA=1 cargo test --workspace --all-features --test schema"
    );
    assert_eq!(lemniscaat::schema::DATASET_SCHEMA, generated);
}
