// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Rehearse",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "rehearse", targets: ["rehearse"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // GNU readline, bound as a system library. No pkgConfig: on Debian it only adds
    // -D flags that SwiftPM warns about on every build (TERMINAL.md).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // Banks, scorer, rubric, drill logic: pure Swift, no terminal, no database.
    .target(
      name: "RehearseCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      resources: [.copy("Resources")]
    ),
    // SQLite persistence (GRDB on the system SQLite): sessions, answers, drafts, migrations.
    .target(
      name: "RehearseStore",
      dependencies: [
        "RehearseCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // The command tree, screens and line input. The only target that imports CReadline.
    .target(
      name: "RehearseShell",
      dependencies: [
        "RehearseCore",
        "RehearseStore",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "rehearse",
      dependencies: ["RehearseShell"]
    ),
    // `swift run -c release rehearse-benchmarks`: scorer throughput and latency; `--store` for
    // durable saves, `--banks` for bank loading (README figures); `--store-writer` is the second
    // process of the store tests.
    .executableTarget(
      name: "rehearse-benchmarks",
      dependencies: [
        "RehearseCore", "RehearseStore", "RehearseTestSupport", .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Benchmarks/RehearseBenchmarks"
    ),
    // Fuzz targets (`Scripts/fuzz TARGET SECONDS`); a plain build is a replayer of saved inputs.
    .executableTarget(
      name: "rehearse-fuzz",
      dependencies: ["RehearseCore", "RehearseShell"],
      path: "Fuzz/RehearseFuzz"
    ),
    .target(
      name: "RehearseTestSupport",
      dependencies: ["RehearseCore", .product(name: "Yams", package: "Yams")],
      path: "Tests/RehearseTestSupport"
    ),
    .testTarget(
      name: "RehearseCoreTests",
      dependencies: ["RehearseCore", "RehearseTestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "RehearseStoreTests",
      dependencies: ["RehearseStore", "RehearseTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
      name: "RehearseShellTests",
      dependencies: ["RehearseShell", "RehearseStore", "RehearseTestSupport"],
      // Expected exports, read from the source tree by ExportSnapshotTests.
      exclude: ["Snapshots"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
