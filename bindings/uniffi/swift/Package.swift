// swift-tools-version:5.9
// The Swift package of lemniscaat: the sources uniffi generates from the cdylib
// (Sources/Lemniscaat/Lemniscaat.swift, Sources/LemniscaatFFI/include), the hand-written
// LocalDate, and a test target that replays the conformance vectors.
//
// Build the library first (`cargo build --release -p lemniscaat-uniffi --lib` at the repository
// root), then `swift test` here; LEMNISCAAT_LIB_DIR points elsewhere if the library is elsewhere.
import Foundation
import PackageDescription

let libDir = ProcessInfo.processInfo.environment["LEMNISCAAT_LIB_DIR"] ?? "../../../target/release"

let package = Package(
    name: "Lemniscaat",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [.library(name: "Lemniscaat", targets: ["Lemniscaat"])],
    targets: [
        .systemLibrary(name: "LemniscaatFFI", path: "Sources/LemniscaatFFI/include"),
        .target(
            name: "Lemniscaat",
            dependencies: ["LemniscaatFFI"],
            path: "Sources/Lemniscaat",
            linkerSettings: [.linkedLibrary("lemniscaat_uniffi"), .unsafeFlags(["-L", libDir])]
        ),
        .testTarget(name: "LemniscaatTests", dependencies: ["Lemniscaat"], path: "Tests/LemniscaatTests"),
    ]
)
