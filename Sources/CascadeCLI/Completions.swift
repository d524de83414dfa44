import ArgumentParser
import CascadeCore
import CascadeWorkspace
import Foundation

/// What the shell completes for `--for` and `--author`: the ids of the organisation whose
/// repository the shell is in (the nearest org.yaml upwards), read when the user presses tab.
enum IDCompletion {
    static let people = CompletionKind.custom { _, _, prefix in ids(people: true, functions: false, prefix) }
    static let peopleAndFunctions = CompletionKind.custom { _, _, prefix in ids(people: true, functions: true, prefix) }

    static func ids(people: Bool, functions: Bool, _ prefix: String) -> [String] {
        let root = Workspace.findRoot(from: FileManager.default.currentDirectoryPath)
        guard case .success(let bytes) = FileSystem.read(root + "/org.yaml", limit: OrgDecoder.byteLimit),
            let org = Checker.checkOrg(SourceText(bytes)).org
        else { return [] }
        let all = (people ? org.personIDs : []) + (functions ? org.functionIDs : [])
        return all.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
