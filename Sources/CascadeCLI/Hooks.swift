import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import Foundation

struct Hooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install git hooks that check updates before each commit.",
        discussion: """
            Examples:
              cascade hooks install
            """,
        subcommands: [Install.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the pre-commit hook that checks the staged updates.",
            discussion: """
                Writes .git/hooks/pre-commit. An existing hook that Cascade did not write is \
                left alone unless --force.

                Examples:
                  cascade hooks install
                  cascade hooks install --force
                """)

        @Flag(help: "Replace an existing pre-commit hook.")
        var force = false
        @OptionGroup var repository: RepositoryOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            let root = repository.resolvedRoot()
            let git: Repository
            do { git = try Repository(discovering: root) } catch let error as GitError {
                throw UsageFailure("\(root) is not inside a git repository (\(error.message))")
            }
            let path = try HookInstaller.install(in: git, force: force)
            print("installed \(path)")
        }
    }
}

enum HookInstaller {
    static let marker = "# Installed by cascade"

    static let script = """
        #!/bin/sh
        \(marker): checks the staged updates and org.yaml before each commit.
        # Reinstall with `cascade hooks install --force`; skip once with `git commit --no-verify`.
        # What is checked is what the commit will contain: the index, not the working tree.
        git diff --cached --quiet --diff-filter=ACMRT -- 'updates/' 'org.yaml' '*/updates/' '*/org.yaml' && exit 0
        command -v cascade >/dev/null 2>&1 || { echo "cascade is not on PATH; install it or commit with --no-verify" \
        >&2; exit 1; }
        exec cascade check --staged

        """

    /// Writes the pre-commit hook; refuses to replace someone else's hook unless `force`.
    static func install(in git: Repository, force: Bool) throws -> String {
        let hooks =
            git.config("core.hooksPath").map { $0.hasPrefix("/") ? $0 : git.path + "/" + $0 } ?? git.gitDirectory
            + "/hooks"
        let path = hooks + "/pre-commit"
        if let refusal = OutputFile.refusal(path) { throw UsageFailure(refusal) }
        try OutputFile.makeFolder(hooks)
        if let existing = FileManager.default.contents(atPath: path), !force,
            !String(decoding: existing, as: UTF8.self).contains(marker)
        {
            throw UsageFailure("\(path) already exists and was not written by cascade; pass --force to replace it")
        }
        try OutputFile.replace(path, Array(script.utf8))
        chmod(path, 0o755)
        return path
    }
}
