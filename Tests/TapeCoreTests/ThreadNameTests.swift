import Foundation
import Synchronization
import TapeCore
import Testing

struct ThreadNameTests {
    /// What the system shows as the name of a new thread that named itself `name`.
    private func systemName(ofThreadNamed name: String) throws -> String? {
        let shown = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            ThreadName.setCurrent(name)
            let comm = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
            shown.withLock { $0 = comm?.trimmingCharacters(in: .newlines) }
            done.signal()
        }
        thread.start()
        try #require(done.wait(timeout: .now() + 10) == .success, "the thread did not run within 10 s")
        return shown.withLock { $0 }
    }

    @Test func aThreadShowsTheNameItGaveItself() throws {
        #expect(try systemName(ofThreadNamed: "xhrtape-writer") == "xhrtape-writer")
    }

    @Test func aLongerNameIsCutToWhatLinuxKeeps() throws {
        #expect(try systemName(ofThreadNamed: "xhrtape-cassette-checkpointer") == "xhrtape-cassett")
    }
}
