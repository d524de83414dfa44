import Foundation
import Testing

/// Runs the built `cascade` binary, as a user or CI would.
public struct CLI {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let binary: String = packageRoot.appendingPathComponent(".build/debug/cascade").path
    public static let fixtures = packageRoot.appendingPathComponent("Tests/CascadeCLITests/Fixtures").path
    public static let golden = packageRoot.appendingPathComponent("Tests/CascadeCLITests/Golden").path

    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs any program (git, python3) and returns its output; fails the test on a non-zero status.
    @discardableResult
    public static func shell(_ program: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(program) \(arguments.joined(separator: " ")) failed: \(text)")
        return text
    }

    /// Compares `actual` with the golden file `name`; a missing golden file is
    /// written and the test fails; CASCADE_RECORD=1 rewrites them all.
    public static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = golden + "/" + name
        let record = ProcessInfo.processInfo.environment["CASCADE_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded golden file \(name); check it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }
}

