import Foundation
import Mustache

/// A repository's Mustache template, read and compiled, with an error that names
/// the file, the line and column and what is wrong, never the parser's internals.
enum TemplateFile {
    static func compile(_ source: String, path: String) throws -> MustacheTemplate {
        do { return try MustacheTemplate(string: source) } catch let error as MustacheTemplate.ParserError {
            let where_ = "\(path):\(error.context.lineNumber):\(error.context.columnNumber)"
            throw UsageFailure(
                "\(where_): \(reason(error.error)); fix the template, or delete it to use the built-in one")
        } catch {
            throw UsageFailure("\(path) is not a valid Mustache template; fix it, or delete it to use the built-in one")
        }
    }

    static func reason(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            return "the template ends inside a tag: close every {{…}}"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "this {{/…}} closes a section that was not the last one opened"
        case .unfinishedName: return "a tag is not closed: write {{name}}"
        case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=… …=}} is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only blocks may appear inside an inherited partial"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a configuration tag {{% …}} is not understood"
        }
    }
}
