import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import Foundation

/// Options shared by the commands that act for a person in a week.
struct PersonWeekOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("The person (default: the one whose email is git's user.email).", valueName: "id"),
        completion: IDCompletion.people)
    var author: String?

    @Option(help: ArgumentHelp("The ISO week, YYYY-Www (default: this week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Fix today's date, YYYY-MM-DD, for reproducible runs.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let week, Week(week) == nil {
            throw ValidationError("--week must be a real ISO week written YYYY-Www, like 2026-W48")
        }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
        if let author, !Identifier.isValidPersonID(author) {
            throw ValidationError("--author must be a person id, like ana-lima")
        }
    }

    var todayDay: Day { today.flatMap(Day.init) ?? Clock.today() }
    var resolvedWeek: Week { week.flatMap(Week.init) ?? Week(containing: todayDay) }
}

/// The repository a command works in: org.yaml read and checked, git when there is one.
struct Session {
    let root: String
    let org: Org
    /// org.yaml as read, with its findings, for a check that follows.
    let loaded: (org: Org?, findings: [Finding])
    /// org.yaml's bytes, read once: the history cache is keyed by them.
    let orgBytes: [UInt8]
    let git: Repository?

    init(_ options: RepositoryOptions, needsGit: Bool) throws {
        root = options.resolvedRoot()
        let read: (org: Org?, findings: [Finding], bytes: [UInt8])
        do { read = try Workspace.check(root).loadOrgWithBytes() } catch let failure as RepositoryCheck.Failure {
            throw UsageFailure(failure.description)
        }
        let loaded = (read.org, read.findings)
        orgBytes = read.bytes
        self.loaded = loaded
        self.org = try Session.usable(loaded, root: root)
        if needsGit {
            do { git = try Repository(discovering: root) } catch let error as GitError {
                throw UsageFailure(
                    "\(root) is not inside a git repository (\(error.message)); run `git init` or `cascade init`")
            }
        } else {
            git = try? Repository(discovering: root)
        }
    }

    /// The organisation, when org.yaml has no errors: a cycle or a duplicate id
    /// would make every figure wrong, so only `check` reads such a file.
    /// Warnings do not stop anything.
    static func usable(_ loaded: (org: Org?, findings: [Finding]), root: String) throws -> Org {
        let errors = loaded.findings.filter { $0.severity == .error }.count
        guard let org = loaded.org, errors == 0 else {
            let what =
                errors == 0 ? "cannot be read as an organisation" : "has \(errors) error\(errors == 1 ? "" : "s")"
            throw UsageFailure(
                "\(root)/org.yaml \(what); run `cascade check org.yaml` to see \(errors == 1 ? "it" : "them")")
        }
        return org
    }

    /// git's user.email, from the repository or the global configuration.
    var userEmail: String? { git?.config("user.email") ?? Repository.defaultConfig("user.email") }

    /// `--author`, else the person whose email is git's user.email.
    func person(_ requested: String?, option: String = "--author") throws -> Org.Person {
        if let requested {
            guard let person = org.person(requested) else {
                let hint = Suggestion.closest(to: requested, in: org.personIDs).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageFailure("no person '\(requested)' in org.yaml\(hint)")
            }
            return person
        }
        guard let email = userEmail else {
            throw UsageFailure(
                "git's user.email is not set, so Cascade cannot tell who you are; pass \(option) ID or run `git "
                    + "config user.email you@example.com`"
            )
        }
        guard let person = org.person(withEmail: email) else {
            throw UsageFailure(
                "nobody in org.yaml has the email \(email) (git's user.email); pass \(option) ID or fix the email in "
                    + "org.yaml"
            )
        }
        return person
    }

    /// `path` relative to the git working tree (the org root may be a subfolder).
    func gitPath(_ rootRelative: String) -> String {
        guard let git, let prefix = Paths.relative(root, to: git.path), !prefix.isEmpty else { return rootRelative }
        return prefix + "/" + rootRelative
    }
}

extension OutputFile {
    /// `--out PATH`, or standard output for `-` or no `--out`.
    static func write(_ text: String, to out: String?) throws {
        guard let out, out != "-" else { return Console.write(text) }
        try replace(Paths.absolute(out), Array(text.utf8))
    }
}
