// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cascade",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cascade", targets: ["cascade"]),
        .library(name: "CascadeCore", targets: ["CascadeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // The POSIX calls that differ between Linux and macOS, one file per platform.
        .target(name: "CascadePlatform"),
        .target(name: "CascadeCore", dependencies: ["CYAML"]),
        // The disk: files, folders, atomic writes, the repository's root and week folders.
        .target(name: "CascadeWorkspace", dependencies: ["CascadeCore", "CascadePlatform"]),
        .target(name: "CascadeGit", dependencies: ["CGit2", "CCrypto", "CascadePlatform"]),
        // The pack and index writers of `cascade demo` (zlib, SHA-1), on CascadeGit's internals.
        .target(name: "CascadeGitPack", dependencies: ["CascadeGit", "CGit2", "CZlib", "CascadePlatform"]),
        .target(name: "CascadeDemo", dependencies: ["CascadeCore", "CascadeWorkspace", "CascadeGit", "CascadeGitPack"]),
        // History and its queries, what git's history says of it (Timeline), and their caches.
        .target(
            name: "CascadeHistory", dependencies: ["CascadeCore", "CascadeWorkspace", "CascadeGit", "CascadePlatform"]),
        .target(name: "CascadeReports", dependencies: ["CascadeCore", "CascadeHistory"]),
        // HTML shared by the digest, the site and email: the page shell, its CSS, Markdown through cmark-gfm.
        .target(name: "CascadeHTML", dependencies: ["CCmark"]),
        .target(
            name: "CascadeDigest",
            dependencies: ["CascadeCore", "CascadeHistory", "CascadeHTML", .product(name: "Mustache", package: "swift-mustache")]),
        .target(
            name: "CascadeCLI",
            dependencies: [
                "CascadeCore", "CascadeWorkspace", "CascadeGit", "CascadeDemo", "CascadeHistory", "CascadeDigest", "CascadeHTML", "CascadeReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(name: "cascade", dependencies: ["CascadeCLI"]),
        // Helpers every test target uses: running the built binary, temporary workspaces, git repositories.
        .target(name: "CascadeTestSupport", path: "Tests/CascadeTestSupport"),
        // One test target per module.
        .testTarget(name: "CascadeCoreTests", dependencies: ["CascadeCore", "CascadeTestSupport"]),
        .testTarget(
            name: "CascadeWorkspaceTests", dependencies: ["CascadeCore", "CascadeWorkspace", "CascadeTestSupport"]),
        .testTarget(name: "CascadeGitTests", dependencies: ["CascadeGit", "CascadeGitPack", "CascadeTestSupport"]),
        .testTarget(
            name: "CascadeHistoryTests",
            dependencies: ["CascadeCore", "CascadeGit", "CascadeHistory", "CascadeTestSupport"]),
        .testTarget(
            name: "CascadeReportsTests",
            dependencies: ["CascadeCore", "CascadeHistory", "CascadeReports", "CascadeTestSupport"]),
        .testTarget(name: "CascadeHTMLTests", dependencies: ["CascadeHTML", "CascadeTestSupport"]),
        .testTarget(
            name: "CascadeDigestTests",
            dependencies: [
                "CascadeCore", "CascadeWorkspace", "CascadeHistory", "CascadeDigest", "CascadeDemo", "CascadeTestSupport",
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "CascadeCLITests", dependencies: ["CascadeCore", "CascadeTestSupport"],
            exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
