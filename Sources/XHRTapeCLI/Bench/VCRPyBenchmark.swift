import Foundation

/// vcrpy replaying a cassette of N interactions with `requests`, one after another:
/// the peer figure printed beside ours.
struct VCRPyBenchmark {
    var python: String
    var directory: URL

    var isAvailable: Bool {
        (try? runPython(["-c", "import vcr, requests"]))?.status == 0
    }

    func measure(exchanges: Int) throws -> ReplayBenchmark.Figure {
        let script = """
            import sys, time, vcr, requests, yaml
            n = int(sys.argv[1]); path = sys.argv[2]
            body = "x" * 4096
            interactions = [{"request": {"body": None, "headers": {}, "method": "GET", "uri": f"http://bench.test/item/{i}"},
                             "response": {"status": {"code": 200, "message": "OK"},
                                          "headers": {"Content-Type": ["text/plain"], "Content-Length": ["4096"]},
                                          "body": {"string": body}}} for i in range(n)]
            with open(path, "w") as f:
                yaml.safe_dump({"version": 1, "interactions": interactions}, f)
            session = requests.Session()
            start = time.perf_counter()
            with vcr.use_cassette(path, record_mode="none"):
                for i in range(n):
                    assert len(session.get(f"http://bench.test/item/{i}").content) == 4096
            print(time.perf_counter() - start)
            """
        let cassette = directory.appendingPathComponent("vcrpy-\(exchanges).yaml").path
        let result = try runPython(["-c", script, String(exchanges), cassette])
        guard result.status == 0, let seconds = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CommandLineFailure.Message(description: "the vcrpy benchmark failed (exit \(result.status)): \(result.output)")
        }
        return ReplayBenchmark.Figure(seconds: seconds, perSecond: Double(exchanges) / seconds)
    }

    private func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
