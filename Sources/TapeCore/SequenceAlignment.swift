/// A shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm and Its
/// Variations", 1986): the longest run of elements the two share, in order, and the rest as
/// elements only one side has.
///
/// Diffs use it so that one inserted or missing element (an extra `progress` event, a new header
/// field, an array element) shows as one insertion rather than a cascade of mismatches.
///
/// Time is O((N + M) · D) and memory O(D²) for D differing elements, after the common prefix and
/// suffix are set aside. Past ``maximumEdits`` differences the search stops and the middle of the
/// two sequences is reported as entirely removed then entirely inserted: correct, only not
/// minimal, and bounded for inputs that have nothing in common.
package enum SequenceAlignment {
    /// One step of an alignment, by index into the left and right sequences.
    package enum Step: Hashable, Sendable {
        /// `left[i]` and `right[j]` are the same.
        case both(Int, Int)
        /// `left[i]` has no counterpart on the right.
        case onlyLeft(Int)
        /// `right[j]` has no counterpart on the left.
        case onlyRight(Int)
    }

    /// The most differences searched for before giving up on a minimal script.
    package static let maximumEdits = 4_096

    /// Aligns `left` and `right`, treating elements as the same when `same` says so.
    ///
    /// - Returns: Steps in order; every index of each side appears exactly once, ascending.
    package static func align<Element>(_ left: [Element], _ right: [Element], same: (Element, Element) -> Bool) -> [Step] {
        var prefix = 0
        while prefix < left.count, prefix < right.count, same(left[prefix], right[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < left.count - prefix, suffix < right.count - prefix,
              same(left[left.count - 1 - suffix], right[right.count - 1 - suffix]) {
            suffix += 1
        }
        var steps = (0..<prefix).map { Step.both($0, $0) }
        let middle = middleSteps(
            leftRange: prefix..<(left.count - suffix), rightRange: prefix..<(right.count - suffix)
        ) { same(left[$0], right[$1]) }
        steps += middle
        steps += (0..<suffix).map { Step.both(left.count - suffix + $0, right.count - suffix + $0) }
        return steps
    }

    /// Myers' forward search with the frontier of every round kept for the way back.
    private static func middleSteps(leftRange: Range<Int>, rightRange: Range<Int>, same: (Int, Int) -> Bool) -> [Step] {
        let (n, m) = (leftRange.count, rightRange.count)
        let (x0, y0) = (leftRange.lowerBound, rightRange.lowerBound)
        if n == 0 { return rightRange.map(Step.onlyRight) }
        if m == 0 { return leftRange.map(Step.onlyLeft) }
        let limit = min(n + m, maximumEdits)
        // frontier[k + limit]: the furthest x reached on diagonal k = x - y.
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var rounds: [[Int]] = []
        for d in 0...limit {
            // Keep diagonals -d-1 ... d+1 of the frontier as it was before this round.
            rounds.append(Array(frontier[(limit - d - 1 + 1)...(limit + d + 1 + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                let index = k + limit + 1
                var x = (k == -d || (k != d && frontier[index - 1] < frontier[index + 1]))
                    ? frontier[index + 1] : frontier[index - 1] + 1
                var y = x - k
                while x < n, y < m, same(x0 + x, y0 + y) {
                    x += 1
                    y += 1
                }
                frontier[index] = x
                if x >= n, y >= m {
                    return backtrack(rounds: rounds, n: n, m: m, x0: x0, y0: y0)
                }
            }
        }
        return leftRange.map(Step.onlyLeft) + rightRange.map(Step.onlyRight)
    }

    private static func backtrack(rounds: [[Int]], n: Int, m: Int, x0: Int, y0: Int) -> [Step] {
        var steps: [Step] = []
        var (x, y) = (n, m)
        for d in stride(from: rounds.count - 1, through: 1, by: -1) {
            let before = rounds[d]  // diagonals -d-1 ... d+1
            func reached(_ k: Int) -> Int { before[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && reached(k - 1) < reached(k + 1))) ? k + 1 : k - 1
            let previousX = reached(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                steps.append(.both(x0 + x, y0 + y))
            }
            if previousK == k + 1 {
                steps.append(.onlyRight(y0 + previousY))
            } else {
                steps.append(.onlyLeft(x0 + previousX))
            }
            (x, y) = (previousX, previousY)
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            steps.append(.both(x0 + x, y0 + y))
        }
        return steps.reversed()
    }
}
