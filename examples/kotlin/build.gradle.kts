// A minimal Gradle build for using lemniscaat from Kotlin on the JVM (documented in
// docs/bindings.md; the repository's tests compile and run the same example with kotlinc).
//
// Before `gradle run`, from the repository root:
//   cargo build --release -p lemniscaat-uniffi --lib
//   cargo run -p lemniscaat-uniffi --features bindgen --bin uniffi-bindgen -- generate \
//     --library target/release/liblemniscaat_uniffi.so --language kotlin --out-dir examples/kotlin/build/generated/uniffi
plugins {
    kotlin("jvm") version "2.4.20"
    application
}

repositories { mavenCentral() }

dependencies {
    implementation("net.java.dev.jna:jna:5.13.0")
}

kotlin { jvmToolchain(17) }

sourceSets {
    main { kotlin.srcDir("build/generated/uniffi") }
}

application {
    mainClass.set("nl.lemniscaat.example.ExampleKt")
    applicationDefaultJvmArgs = listOf("-Djna.library.path=${rootDir}/../../target/release")
}
