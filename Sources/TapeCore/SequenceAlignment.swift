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
    /// Several alignments can be equally short: with `cost`, each run of elements only one side
    /// has is then slid, among the positions that keep the alignment valid, to where the pairs
    /// around it cost least (a diff of event traces uses it to pair events closest in time).
    ///
    /// - Parameters:
    ///   - cost: The cost of pairing `left[i]` with `right[j]`, for elements that are the same.
    /// - Returns: Steps in order; every index of each side appears exactly once, ascending.
    package static func align<Element>(
        _ left: [Element], _ right: [Element], same: (Element, Element) -> Bool, cost: ((Int, Int) -> Int)? = nil
    ) -> [Step] {
        let steps = shortestSteps(left, right, same: same)
        guard let cost else { return steps }
        return slidingGaps(steps, same: { same(left[$0], right[$1]) }, cost: cost)
    }

    private static func shortestSteps<Element>(_ left: [Element], _ right: [Element], same: (Element, Element) -> Bool) -> [Step] {
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

    /// Slides each run of one-sided steps up or down through the pairs around it to the valid
    /// position of least cost (ties keep the run where it is).
    private static func slidingGaps(_ input: [Step], same: (Int, Int) -> Bool, cost: (Int, Int) -> Int) -> [Step] {
        var steps = input
        var start = 0
        while start < steps.count {
            guard !steps[start].isPair else {
                start += 1
                continue
            }
            var end = start
            while end < steps.count, !steps[end].isPair { end += 1 }
            let onlyRight = steps[start..<end].allSatisfy { if case .onlyRight = $0 { true } else { false } }
            let onlyLeft = steps[start..<end].allSatisfy { if case .onlyLeft = $0 { true } else { false } }
            if onlyRight || onlyLeft {
                start = slide(&steps, gap: start..<end, right: onlyRight, same: same, cost: cost)
            } else {
                start = end
            }
        }
        return steps
    }

    /// Slides one pure gap; returns the index just past it.
    private static func slide(_ steps: inout [Step], gap: Range<Int>, right: Bool, same: (Int, Int) -> Bool, cost: (Int, Int) -> Int) -> Int {
        let length = gap.count
        func first(_ step: Step) -> Int {
            switch step {
            case .onlyLeft(let i): i
            case .onlyRight(let j): j
            case .both: preconditionFailure("a gap holds one-sided steps only")
            }
        }
        let gapStart = first(steps[gap.lowerBound])
        // The pair a move would change, as it is and as it would become.
        func moved(_ pair: Step, up: Bool) -> (i: Int, j: Int, newI: Int, newJ: Int)? {
            guard case .both(let i, let j) = pair else { return nil }
            let shift = up ? length : -length
            return right ? (i, j, i, j + shift) : (i, j, i + shift, j)
        }
        var best = (offset: 0, total: 0)
        var total = 0
        var index = gap.lowerBound - 1
        var offset = 0
        while index >= 0, let move = moved(steps[index], up: true), same(move.newI, move.newJ) {
            total += cost(move.newI, move.newJ) - cost(move.i, move.j)
            offset -= 1
            if total < best.total { best = (offset, total) }
            index -= 1
        }
        (total, offset, index) = (0, 0, gap.upperBound)
        while index < steps.count, let move = moved(steps[index], up: false), same(move.newI, move.newJ) {
            total += cost(move.newI, move.newJ) - cost(move.i, move.j)
            offset += 1
            if total < best.total { best = (offset, total) }
            index += 1
        }
        guard best.offset != 0 else { return gap.upperBound }
        // Rebuild the region: the pairs passed over change sides of the gap.
        let lower = best.offset < 0 ? gap.lowerBound + best.offset : gap.lowerBound
        let upper = best.offset > 0 ? gap.upperBound + best.offset : gap.upperBound
        let newStart = gapStart + best.offset
        var region: [Step] = []
        for step in steps[lower..<gap.lowerBound] {
            guard let move = moved(step, up: true) else { continue }
            region.append(.both(move.newI, move.newJ))
        }
        let gapSteps = (newStart..<(newStart + length)).map { right ? Step.onlyRight($0) : Step.onlyLeft($0) }
        var after: [Step] = []
        for step in steps[gap.upperBound..<upper] {
            guard let move = moved(step, up: false) else { continue }
            after.append(.both(move.newI, move.newJ))
        }
        let rebuilt = best.offset < 0 ? gapSteps + region : after + gapSteps
        steps.replaceSubrange(lower..<upper, with: rebuilt)
        return lower + rebuilt.count
    }
}

extension SequenceAlignment.Step {
    fileprivate var isPair: Bool {
        if case .both = self { true } else { false }
    }
}
