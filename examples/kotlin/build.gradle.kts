// A minimal Gradle build for using lemniscaat from Kotlin on the JVM (documented in
// docs/bindings.md; the repository's tests compile and run the same example with kotlinc).
//
// Before `gradle run`, from the repository root: `./scripts/package jar`, which writes
// dist/lemniscaat-0.1.0.jar (the bindings, the Kotlin runtime and the native library for
// linux-x86-64, which JNA loads from the jar). With the jar in a Maven repository
// (`mvn install:install-file -Dfile=dist/lemniscaat-0.1.0.jar -DpomFile=dist/lemniscaat-0.1.0.pom`)
// the dependency is `implementation("nl.lemniscaat:lemniscaat:0.1.0")` and brings JNA itself.
plugins {
    kotlin("jvm") version "2.4.20"
    application
}

repositories { mavenCentral() }

dependencies {
    implementation(files("../../dist/lemniscaat-0.1.0.jar"))
    implementation("net.java.dev.jna:jna:5.13.0")
}

kotlin { jvmToolchain(17) }

application {
    mainClass.set("nl.lemniscaat.example.ExampleKt")
}
