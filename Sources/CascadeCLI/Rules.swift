import ArgumentParser
import CascadeCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the validation rules, or write their documentation.",
        discussion: """
            Examples:
              cascade rules
              cascade rules --markdown > docs/rules.md
              cascade check --explain close-past
            """)

    @Flag(help: "Write the full rule documentation as Markdown, with every example.")
    var markdown = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        if markdown {
            Console.write(RuleDocs.markdown(Checker.descriptions))
            return
        }
        let width = Checker.descriptions.map(\.id.count).max() ?? 0
        for rule in Checker.descriptions {
            Console.write(
                rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + rule.title + "\n")
        }
    }
}
