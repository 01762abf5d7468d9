//! The uniffi bindings generator pinned to this crate's uniffi version (0.32.2), so that the
//! generated Kotlin and Swift always match the scaffolding in the cdylib.
fn main() {
    uniffi::uniffi_bindgen_main()
}
