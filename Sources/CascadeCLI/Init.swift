import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new 15-5 repository a team can start from.",
        discussion: """
            Writes an org.yaml to fill in, the templates, updates/, a GitHub Actions workflow \
            that checks pull requests, a pre-commit hook, a .gitignore, and makes the first \
            commit. Refuses a folder that already holds an org.yaml.

            Examples:
              cascade init sales-15-5
              cascade init . --company "Northwind Analytics"
            """)

    @Argument(help: ArgumentHelp("The folder to create or fill.", valueName: "dir"))
    var directory: String

    @Option(help: "The company's name, for org.yaml.")
    var company = "Your Company"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = Paths.absolute(directory)
        try refuseWhatIsThere(root)
        let git = try repository(at: root)
        let branch: String
        switch try? git.head() {
        case .branch(let name, _)?, .unborn(let name)?:
            branch = name.hasPrefix("refs/heads/") ? String(name.dropFirst(11)) : name
        default: branch = "main"
        }
        let files: [(String, String)] = [
            ("org.yaml", Scaffold.orgYAML(company: company)),
            ("templates/update.md", New.defaultTemplate),
            ("updates/.gitkeep", ""),
            (".github/workflows/cascade.yml", Scaffold.workflow(branch: branch)),
            (
                ".gitignore",
                "# Cascade's cache of parsed updates (outside a git checkout)\n.cascade/\n.DS_Store\n*.swp\n"
            ),
        ]
        let committed = try write(files, in: root)
        let hook = try HookInstaller.install(in: git, force: false)
        try commit(committed, root: root, git: git)
        print(
            """
            created a 15-5 repository in \(root)
              org.yaml                        fill in your people, functions and goals
              templates/update.md             the weekly update template
              .github/workflows/cascade.yml   checks pull requests and pushes to \(branch)
              \(hook)
            next: edit org.yaml, run `cascade check`, then `cascade new`
            """)
    }

    /// A file, a dangling link or an existing 15-5 repository at `root` is refused.
    func refuseWhatIsThere(_ root: String) throws {
        switch OutputFile.kind(root) {
        case .regular, .other:
            throw UsageFailure(
                "\(root) is a file, not a folder; give the name of a folder to create, like `cascade init sales-15-5`")
        case .symlink(let target) where !FileManager.default.fileExists(atPath: root):
            throw UsageFailure(
                "\(root) is a symbolic link to \(target), which does not exist; create it or give another folder")
        default: break
        }
        if OutputFile.kind(root + "/org.yaml") != .none {
            throw UsageFailure("\(root) already holds an org.yaml; it is a 15-5 repository already")
        }
    }

    /// The git repository whose working tree is `root`, made when there is none.
    func repository(at root: String) throws -> Repository {
        do {
            if let existing = try? Repository(discovering: root), existing.path == root { return existing }
            return try Repository(creating: root)
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
    }

    /// Writes the files that are not there yet; what is already there is kept as it is (and
    /// committed only when it is a regular file). Returns the files to commit.
    func write(_ files: [(String, String)], in root: String) throws -> [String] {
        var committed: [String] = []
        for (relative, text) in files {
            let path = root + "/" + relative
            switch OutputFile.kind(path) {
            case .none: try OutputFile.replace(path, Array(text.utf8))
            case .regular: break
            default: continue
            }
            committed.append(relative)
        }
        return committed
    }

    func commit(_ committed: [String], root: String, git: Repository) throws {
        let now = Int64(Date().timeIntervalSince1970)
        let offset = TimeZone.current.secondsFromGMT() / 60
        let identity = git.identity ?? (name: "Cascade", email: "cascade@localhost")
        let signature = Signature(name: identity.name, email: identity.email, time: now, offsetMinutes: offset)
        let prefix = Paths.relative(root, to: git.path).map { $0.isEmpty ? "" : $0 + "/" } ?? ""
        let changes = try committed.map { relative -> FileChange in
            guard case .success(let bytes) = FileSystem.read(root + "/" + relative) else {
                throw UsageFailure("cannot read back \(relative)")
            }
            return FileChange(path: prefix + relative, bytes: bytes)
        }
        do {
            _ = try git.commit(
                changes, author: signature, committer: signature,
                message: "Start the 15-5 repository with cascade init\n")
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
    }
}

enum Scaffold {
    static func orgYAML(company: String) -> String {
        """
        # The organisation: people, reporting lines, functions, goals and settings.
        # Ids name files: lowercase letters, digits and '-'. See `cascade check --explain org-id-invalid`.
        company: \(YAMLText.scalar(company))
        currency: USD
        fiscal_year_start_month: 1
        digest:
          minutes: 5
          words_per_minute: 238
          note_words: 200
        stages:
          open: [suspect, qualify, discover, propose, negotiate, commit]
          won: [won]
          lost: [lost, disqualified]
        loss_reasons: [\(Org.defaultLossReasons.joined(separator: ", "))]
        tickets:
          pattern: '^[A-Z][A-Z0-9]+-[0-9]+$'
          url: https://tracker.example.com/browse/{id}
        functions:
          - { id: product, name: Product }
          - { id: marketing, name: Marketing }
          - { id: value-engineering, name: Value Engineering }
        people:
          - { id: cro, name: Chief Revenue Officer, email: cro@example.com, title: CRO }
          - { id: first-manager, name: First Manager, email: manager@example.com, reports_to: cro }
          - { id: first-rep, name: First Rep, email: rep@example.com, reports_to: first-manager }
        goals: []
        admins: [cro]

        """
    }

    /// The workflow that checks every pull request and every push to `branch`. Cascade is built
    /// once per version and kept, with the libraries it links, in the runner's cache: a run that
    /// finds it starts checking within seconds.
    static func workflow(branch: String, version: String = Cascade.configuration.version) -> String {
        #"""
        # Checks the weekly updates of every pull request and every push to \#(branch) with Cascade.
        name: cascade
        on:
          pull_request:
            paths: ['updates/**', 'org.yaml']
          push:
            branches: [\#(branch)]
            paths: ['updates/**', 'org.yaml']
        permissions:
          contents: read
        jobs:
          check:
            runs-on: ubuntu-latest
            container: swift:6.3-bookworm
            env:
              CASCADE_SOURCE: https://github.com/cascade-sales/cascade.git
              CASCADE_VERSION: \#(version)
              # What to compare with: the pull request's base branch, or the commit before the push.
              BASE: ${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || \#
        github.event.before }}
            steps:
              - uses: actions/checkout@v6
                with:
                  fetch-depth: 0
              - name: Restore Cascade
                id: cascade
                uses: actions/cache@v5
                with:
                  path: /opt/cascade
                  key: cascade-${{ env.CASCADE_VERSION }}-${{ runner.os }}-swift6.3-bookworm
              - name: Build Cascade (only when the cache has no build of this version)
                if: steps.cascade.outputs.cache-hit != 'true'
                run: |
                  apt-get update -q
                  apt-get install -y -q libgit2-dev libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \#
        libssl-dev pkg-config
                  git clone --depth 1 --branch "v$CASCADE_VERSION" "$CASCADE_SOURCE" /tmp/cascade
                  swift build -c release --package-path /tmp/cascade
                  mkdir -p /opt/cascade/lib
                  cp /tmp/cascade/.build/release/cascade /opt/cascade/
                  # The libraries it links travel with it, so a cached run installs nothing.
                  ldd /opt/cascade/cascade | awk '$3 ~ /^\// {print $3}' | grep -Ev \#
        '/(libc|libm|libpthread|libdl|librt)\.so' \
                    | xargs -r cp -L -t /opt/cascade/lib
              - name: Put Cascade on the PATH
                run: |
                  echo /opt/cascade >> "$GITHUB_PATH"
                  echo LD_LIBRARY_PATH=/opt/cascade/lib >> "$GITHUB_ENV"
                  git config --global --add safe.directory "$GITHUB_WORKSPACE"
              - name: Check the changed updates and who wrote them
                run: |
                  if [ -z "$BASE" ] || [ "$BASE" = "0000000000000000000000000000000000000000" ]; then
                    exec cascade check --format github
                  fi
                  status=0
                  cascade check --changed-since "$BASE" --format github || status=1
                  cascade check --authors "$BASE" --format github || status=1
                  exit $status

        """#
    }
}
