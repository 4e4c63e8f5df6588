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
        .target(name: "DudaoGenerate", dependencies: ["DudaoTable"]),
        .target(
            name: "DudaoXLSX",
            dependencies: ["DudaoTable", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "dudao",
            dependencies: [
                "DudaoCore", "DudaoReport", "DudaoGenerate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedBuiltins"]
        ),
        .executableTarget(name: "EmbedTool"),
        .executableTarget(name: "KernelBench", dependencies: ["DudaoTable"]),
        .executableTarget(name: "FuzzReaders", dependencies: ["DudaoCore", "DudaoTable", "DudaoYAML"]),
        .plugin(name: "EmbedBuiltins", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .testTarget(name: "DudaoYAMLTests", dependencies: ["DudaoYAML", "DudaoTable"]),
        .testTarget(name: "DudaoTableTests", dependencies: ["DudaoTable"]),
        .testTarget(name: "DudaoCoreTests", dependencies: ["DudaoCore", "DudaoXLSX"]),
        .testTarget(name: "DudaoReportTests", dependencies: ["DudaoReport", "DudaoXLSX"], exclude: ["Golden"]),
        .testTarget(name: "DudaoGenerateTests", dependencies: ["DudaoGenerate", "DudaoTable"]),
        .testTarget(name: "DudaoCLITests", dependencies: ["dudao", "DudaoReport"]),
        .testTarget(name: "DudaoXLSXTests", dependencies: ["DudaoXLSX", "DudaoTable"]),
    ]
)
