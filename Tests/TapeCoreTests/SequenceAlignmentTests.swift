@testable import TapeCore
import Testing

struct SequenceAlignmentTests {
    /// The longest common subsequence's length, by dynamic programming.
    private func lcsLength(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }

    /// Checks that `steps` cover both sides in order and pair only equal elements; returns the pair count.
    private func check(_ steps: [SequenceAlignment.Step], _ a: [Character], _ b: [Character]) -> Int {
        var (nextLeft, nextRight, pairs) = (0, 0, 0)
        for step in steps {
            switch step {
            case .both(let i, let j):
                #expect(i == nextLeft && j == nextRight && a[i] == b[j])
                (nextLeft, nextRight, pairs) = (i + 1, j + 1, pairs + 1)
            case .onlyLeft(let i):
                #expect(i == nextLeft)
                nextLeft = i + 1
            case .onlyRight(let j):
                #expect(j == nextRight)
                nextRight = j + 1
            }
        }
        #expect(nextLeft == a.count && nextRight == b.count)
        return pairs
    }

    @Test func oneInsertedElementIsOneStepNotACascade() {
        let a = Array("abcdef"), b = Array("abXcdef")
        let steps = SequenceAlignment.align(a, b, same: ==)
        #expect(steps.filter { if case .both = $0 { false } else { true } } == [.onlyRight(2)])
    }

    @Test func alignmentsAreMinimalOnPseudoRandomInputs() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<300 {
            let a = (0..<next(14)).map { _ in Character(UnicodeScalar(UInt8(97 + next(4)))) }
            let b = (0..<next(14)).map { _ in Character(UnicodeScalar(UInt8(97 + next(4)))) }
            let pairs = check(SequenceAlignment.align(a, b, same: ==), a, b)
            #expect(pairs == lcsLength(a, b), "\(String(a)) vs \(String(b))")
        }
    }

    @Test func emptySidesAreAllInsertionsOrRemovals() {
        #expect(SequenceAlignment.align([Character](), Array("ab"), same: ==) == [.onlyRight(0), .onlyRight(1)])
        #expect(SequenceAlignment.align(Array("ab"), [Character](), same: ==) == [.onlyLeft(0), .onlyLeft(1)])
    }

    @Test func inputsWithNothingInCommonBeyondTheEditLimitStayCorrect() {
        let count = SequenceAlignment.maximumEdits
        let a = [Character](repeating: "a", count: count), b = [Character](repeating: "b", count: count)
        let steps = SequenceAlignment.align(a, b, same: ==)
        #expect(check(steps, a, b) == 0)
        #expect(steps.count == 2 * count)
    }
}
