// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dudao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DudaoCore", targets: ["DudaoCore"]),
        .executable(name: "dudao", targets: ["dudao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "DudaoYAML", dependencies: ["CYAML"]),
        .target(name: "CTextInspect"),
        .target(name: "CMapGuard"),
        .target(name: "DudaoTable", dependencies: ["CTextInspect", "CMapGuard"]),
        .target(name: "DudaoCore", dependencies: ["DudaoYAML", "DudaoTable", "DudaoXLSX"]),
        .target(name: "DudaoReport", dependencies: ["DudaoCore", "DudaoXLSX"]),
        .target(name: "DudaoGenerate", dependencies: ["DudaoTable", "DudaoXLSX"]),
        .target(
            name: "DudaoXLSX",
            dependencies: ["DudaoTable", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "DudaoServer",
            dependencies: [
                "DudaoCore", "DudaoReport", "DudaoXLSX",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "dudao",
            dependencies: [
                "DudaoCore", "DudaoReport", "DudaoGenerate", "DudaoServer", "DudaoXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedBuiltins"]
        ),
        .executableTarget(name: "EmbedTool"),
        .executableTarget(name: "KernelBench", dependencies: ["DudaoTable"]),
        .executableTarget(name: "FuzzReaders", dependencies: [
            "DudaoCore", "DudaoReport", "DudaoTable", "DudaoXLSX", "DudaoYAML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .plugin(name: "EmbedBuiltins", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .testTarget(name: "DudaoYAMLTests", dependencies: ["DudaoYAML", "DudaoTable"]),
        .testTarget(name: "DudaoTableTests", dependencies: ["DudaoTable"]),
        .testTarget(name: "DudaoCoreTests", dependencies: ["DudaoCore", "DudaoXLSX"]),
        .testTarget(name: "DudaoReportTests", dependencies: ["DudaoReport", "DudaoXLSX"], exclude: ["Golden"]),
        .testTarget(name: "DudaoGenerateTests", dependencies: ["DudaoGenerate", "DudaoTable", "DudaoXLSX"]),
        .testTarget(name: "DudaoCLITests", dependencies: ["dudao", "DudaoReport", "DudaoXLSX", "DudaoServer"]),
        .testTarget(
            name: "DudaoServerTests",
            dependencies: [
                "DudaoServer", "DudaoCore", "DudaoXLSX",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "DudaoXLSXTests", dependencies: ["DudaoXLSX", "DudaoTable"]),
        .testTarget(name: "FuzzReadersTests", dependencies: ["FuzzReaders"]),
    ]
)
