/// A min-heap of work ordered by (deadline, insertion sequence): the single rule that
/// makes both schedulers deterministic. Ties never depend on hashing or wall time.
struct ScheduledWorkQueue<Work> {
    struct Item {
        var deadline: Int64
        var sequence: UInt64
        var work: Work

        func runsBefore(_ other: Item) -> Bool {
            (deadline, sequence) < (other.deadline, other.sequence)
        }
    }

    private var heap: [Item] = []
    /// Sequences still in the heap and not cancelled; cancelled items stay in the
    /// heap until they reach the top, so cancelling is O(1).
    private var live: Set<UInt64> = []
    private var nextSequence: UInt64 = 0

    /// The number of items not yet run or cancelled.
    var pendingCount: Int { live.count }

    var isEmpty: Bool { live.isEmpty }

    mutating func insert(deadline: Int64, _ work: Work) -> ScheduledTaskID {
        let item = Item(deadline: deadline, sequence: nextSequence, work: work)
        nextSequence += 1
        heap.append(item)
        siftUp(heap.count - 1)
        live.insert(item.sequence)
        return ScheduledTaskID(sequence: item.sequence)
    }

    mutating func cancel(_ id: ScheduledTaskID) {
        live.remove(id.sequence)
    }

    /// The deadline of the next live item, dropping cancelled ones from the top.
    mutating func nextDeadline() -> Int64? {
        dropCancelledTop()
        return heap.first?.deadline
    }

    /// Removes and returns the next live item if its deadline is at or before `limit`.
    mutating func popDue(notAfter limit: Int64) -> Item? {
        dropCancelledTop()
        guard let first = heap.first, first.deadline <= limit else { return nil }
        live.remove(first.sequence)
        return removeTop()
    }

    private mutating func dropCancelledTop() {
        while let first = heap.first, !live.contains(first.sequence) {
            _ = removeTop()
        }
    }

    private mutating func removeTop() -> Item {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return top
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].runsBefore(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < heap.count, heap[left].runsBefore(heap[first]) { first = left }
            if right < heap.count, heap[right].runsBefore(heap[first]) { first = right }
            if first == parent { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}
