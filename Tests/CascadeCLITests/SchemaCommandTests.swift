import CascadeTestSupport
import Foundation
import Testing

/// `cascade schema`, checked by a real client: Python's jsonschema.
@Suite("cascade schema")
struct SchemaCommandTests {
    static let validator = """
    import json, sys, pathlib, datetime, yaml
    from jsonschema import Draft202012Validator
    schema = json.load(open(sys.argv[1]))
    Draft202012Validator.check_schema(schema)
    v = Draft202012Validator(schema)
    def plain(x):
        if isinstance(x, (datetime.date, datetime.datetime)): return x.isoformat()
        if isinstance(x, dict): return {str(k): plain(val) for k, val in x.items()}
        if isinstance(x, list): return [plain(i) for i in x]
        return x
    bad = 0
    for path in sys.argv[2:]:
        text = pathlib.Path(path).read_text(encoding="utf-8-sig")
        front = text.split("\\n---", 1)[0][4:]
        errors = list(v.iter_errors(plain(yaml.safe_load(front))))
        for e in errors: print(f"{path}: {e.message}")
        bad += bool(errors)
    print(f"invalid: {bad}")
    """

    @Test func sampleUpdatesValidateAgainstTheSchema() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        let schema = try CLI.run(["schema"], in: repo.path)
        #expect(schema.status == 0)
        try repo.write("schema.json", schema.stdout)
        try repo.write("validate.py", Self.validator)
        #expect(schema.stdout.contains("\"negotiate\""))
        #expect(schema.stdout.contains("\"value-engineering\""))
        #expect(schema.stdout.contains("\"champion-left\""))
        let files = try FileManager.default.subpathsOfDirectory(atPath: repo.path + "/updates").filter { $0.hasSuffix(".md") }.map { "updates/" + $0 }
        #expect(files.count > 100)
        let out = try CLI.shell("python3", ["validate.py", "schema.json"] + files, in: repo.path)
        #expect(out.hasSuffix("invalid: 0\n"), "\(out)")
    }

    @Test func badUpdatesFailTheSchema() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        try repo.write("schema.json", try CLI.run(["schema"], in: repo.path).stdout)
        try repo.write("validate.py", Self.validator)
        try repo.write("bad1.md", "---\nauthor: nobody\nweek: 2026-W48\n---\n")
        try repo.write("bad2.md", "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - {id: NW-1, account: A, stage: proposal, amount: 5, close: 2026-12-19, next: x}\n---\n")
        try repo.write("bad3.md", "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - {id: NW-1, account: A, stage: lost, amount: 5, close: 2026-12-19}\n---\n")
        try repo.write("bad4.md", "---\nauthor: ana-lima\nweek: 2026-W48\nautor: x\n---\n")
        let out = try CLI.shell("python3", ["validate.py", "schema.json", "bad1.md", "bad2.md", "bad3.md", "bad4.md"], in: repo.path)
        #expect(out.hasSuffix("invalid: 4\n"), "\(out)")
    }

    @Test func noOrganisationIsExitTwo() throws {
        let empty = try Workspace()
        let result = try CLI.run(["schema"], in: empty.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cascade init"))
    }
}
