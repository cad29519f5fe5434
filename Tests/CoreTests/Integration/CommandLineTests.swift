import Foundation
import Testing
import TestSupport

/// The built binary's command line: help, usage errors and their JSON form. Needs no AWS,
/// only the binary `make test` builds.
@Suite(.enabled(if: MotoWorld.isAvailable))
struct CommandLineTests {
    func run(_ arguments: String...) throws -> ProcessResult {
        let world = try #require(MotoWorld.current)
        return try ChildProcess.run(world.bunker, arguments, environment: world.bunkerEnvironment)
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["init", "snapshot", "snapshots", "show", "verify", "restore", "cat", "prune"] {
            let result = try run(command, "--help")
            #expect(result.status == 0, "\(command)")
            #expect(result.output.contains("Usage: bunker"), "\(command)")
        }
        #expect(try run("help", "nope").status == 2)
    }

    @Test(arguments: [
        ["frobnicate"], ["snapshots", "--bogus"], ["prune", "--policy"], ["restore"],
        ["restore", "--at", "yesterday"], ["show"],
    ])
    func badCommandLines_exit2_withAJSONErrorWhenAsked(arguments: [String]) throws {
        let world = try #require(MotoWorld.current)
        let result = try ChildProcess.run(
            world.bunker, ["--config", "/nonexistent/bunker.json", "--json"] + arguments,
            environment: world.bunkerEnvironment)
        #expect(result.status == 2, "\(arguments): \(result.errorOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any], "\(arguments)")
        #expect(error["exitCode"] as? Int == 2)
        #expect((error["message"] as? String)?.isEmpty == false)
    }
}
