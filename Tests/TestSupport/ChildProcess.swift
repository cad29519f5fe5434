import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    /// The exit status (0–255), or 128 + signal when a signal ended it.
    public var status: Int32
    /// Everything it wrote to standard output.
    public var stdout: Data
    /// Everything it wrote to standard error.
    public var stderr: Data

    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var errorOutput: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs programs with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process.waitUntilExit` can hang under Swift Testing on Linux (it waits on a
/// run loop), so the tests spawn and reap children themselves. Output goes through pipes,
/// never through files, because some children print secret values (`bunker cat`).
public enum ChildProcess {
    private static let spawnLock = NSLock()

    /// Runs `executable` to completion and collects its output.
    ///
    /// - Parameters:
    ///   - executable: An absolute path.
    ///   - environment: The complete environment of the child.
    ///   - input: Bytes written to its standard input, which is then closed.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        input: Data = Data()
    ) throws -> ProcessResult {
        // Under the lock, no other spawn can inherit these pipe ends before they are
        // marked close-on-exec (a long-lived child holding a write end would make the
        // reader below wait for that child instead of this one).
        let (stdinPipe, stdoutPipe, stderrPipe, pid) = try spawnLock.withLock {
            let stdinPipe = try Pipe2()
            let stdoutPipe = try Pipe2()
            let stderrPipe = try Pipe2()
            let pid = try spawn(
                executable, arguments, environment: environment,
                stdin: stdinPipe.read, stdout: stdoutPipe.write, stderr: stderrPipe.write)
            close(stdinPipe.read)
            close(stdoutPipe.write)
            close(stderrPipe.write)
            return (stdinPipe, stdoutPipe, stderrPipe, pid)
        }

        let outReader = PipeDrain(stdoutPipe.read)
        let errReader = PipeDrain(stderrPipe.read)
        input.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(stdinPipe.write, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        close(stdinPipe.write)

        let status = wait(for: pid)
        return ProcessResult(status: status, stdout: outReader.finish(), stderr: errReader.finish())
    }

    /// Starts `executable` in the background with its output discarded; stop it with
    /// ``stop(_:)``.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]
    ) throws -> pid_t {
        try spawnLock.withLock {
            let null = open("/dev/null", O_RDWR | O_CLOEXEC)
            defer { close(null) }
            return try spawn(
                executable, arguments, environment: environment, stdin: null, stdout: null,
                stderr: null)
        }
    }

    /// Sends SIGTERM (SIGKILL after 5 s) and reaps the child.
    public static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        _ = wait(for: pid)
    }

    /// Waits for `pid` and returns its exit status, or 128 + the signal that ended it.
    public static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String],
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT)
        }
        return pid
    }
}

/// A pipe whose ends close on exec in the parent.
private struct Pipe2 {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        read = fds[0]
        write = fds[1]
        _ = fcntl(read, F_SETFD, FD_CLOEXEC)
        _ = fcntl(write, F_SETFD, FD_CLOEXEC)
    }
}

/// Reads a pipe to its end on a thread of its own, so a child never blocks on a full pipe.
private final class PipeDrain: @unchecked Sendable {
    // @unchecked Sendable: `data` is written by the reader thread only, and read after
    // `done` was signalled.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ fd: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            close(fd)
            done.signal()
        }
        thread.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
