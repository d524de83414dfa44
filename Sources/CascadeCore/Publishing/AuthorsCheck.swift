/// Who may write what (SPEC sections 2 and 11): a commit that adds or
/// changes `updates/<week>/<person>.md` must be authored by that person or one
/// of their delegates; a commit that changes org.yaml by an admin. Each
/// commit is judged by the org.yaml of its first parent.
public enum AuthorsCheck {
    public static let rule = CommitAuthorRule.description.id

    /// Findings for one commit; `changed` are its added or modified paths.
    public static func check(
        commit: String, authorName: String, authorEmail: String, changed: [String], org: Org
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let author = org.person(withEmail: authorEmail)
        let who = "\(authorName) <\(authorEmail)>"
        for path in changed {
            if path == "org.yaml" {
                let admins = org.admins.map(\.value)
                guard let author, admins.contains(author.id.value) else {
                    out.append(
                        Diagnostic(
                            file: path, position: .start, severity: .error, rule: rule,
                            message:
                                "commit \(commit) changes org.yaml but its author \(who) is not an admin (admins: "
                                    + "\(admins.joined(separator: ", "))); ask an admin to make this change"
                        ))
                    continue
                }
                continue
            }
            let location = UpdatePath(path)
            guard path.hasPrefix("updates/"), let owner = location.author else { continue }
            guard let person = org.person(owner) else {
                out.append(
                    Diagnostic(
                        file: path, position: .start, severity: .error, rule: rule,
                        message: "commit \(commit) by \(who) writes an update for '\(owner)', who is not in org.yaml"))
                continue
            }
            if let author, author.id.value == owner || person.delegates.contains(where: { $0.value == author.id.value })
            {
                continue
            }
            out.append(
                Diagnostic(
                    file: path, position: .start, severity: .error, rule: rule,
                    message:
                        "commit \(commit) by \(who) changes \(owner)'s update; only \(owner) "
                            + "(\(person.email ?? "no email in org.yaml"))"
                            + "\(person.delegates.isEmpty ? "" : " or their delegates") may write it"
                ))
        }
        return out
    }
}

/// `check --authors`: each commit by someone allowed to write what it changes.
public struct CommitAuthorRule: Rule {
    public init() {}
    static func commit(_ who: String, _ files: String) -> RuleExample {
        RuleExample("commit 3f9c2e1\nAuthor: \(who)\n\n\(files)\n", path: "git log origin/main..HEAD")
    }

    public static let description = RuleDescription(
        id: "commit-author", title: "Commit by someone not allowed to write it",
        summary:
            "With --authors REV, each commit in REV..HEAD that adds or changes updates/<week>/<person>.md is authored "
            + "by that person or one of their delegates, and one that changes org.yaml by an admin, judged by the "
                + "org.yaml "
            + "of its first parent. A merge is judged by the commits it brings in, not by who merged them; only a file "
            + "whose merged result differs from every parent is the merge's own change.",
        scope: .commit,
        triggering: [
            commit("Lukas Meyer <lukas@northwind.example>", "    ↓updates/2026-W48/ana-lima.md (modified)"),
            commit("Ana Lima <ana@northwind.example>", "    ↓org.yaml (modified; Ana Lima is not in admins)"),
        ],
        nonTriggering: [
            commit("Ana Lima <ana@northwind.example>", "    updates/2026-W48/ana-lima.md (added)"),
            commit(
                "Dana Cho <dana@northwind.example>",
                "Merge branch 'ana'  (brings in Ana Lima's own commit)\n"
                    + "    updates/2026-W48/ana-lima.md (from the merged branch)"),
        ])
}
