import ArgumentParser
import CascadeCore
import CascadeWorkspace

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of an update's front matter.",
        discussion: """
            The schema (JSON Schema draft 2020-12) carries the organisation's people, stages, \
            loss reasons and functions, for editors that validate YAML front matter.

            Examples:
              cascade schema > .vscode/cascade-update.schema.json
              cascade schema --root ~/sales-15-5
            """)

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = repository.resolvedRoot()
        let loaded: (org: Org?, findings: [Finding])
        do { loaded = try Workspace.check(root).loadOrg() } catch let failure as RepositoryCheck.Failure {
            throw UsageFailure(failure.description)
        }
        let org = try Session.usable(loaded, root: root)
        Console.write(FrontMatterSchema.json(for: org))
    }
}
