@testable import XHR

/// Feeds `input` to `machine`, then every `.resume` the batch asks for (no listener
/// re-enters), and returns all other actions in order.
func run(_ machine: inout XHRStateMachine, _ input: XHRStateMachine.Input) -> [XHRStateMachine.Action] {
    var all: [XHRStateMachine.Action] = []
    var pending = [input]
    while !pending.isEmpty {
        for action in machine.handle(pending.removeFirst()) {
            all.append(action)
            if case .resume(let step) = action { pending.append(.resumed(step)) }
        }
    }
    return all.filter { if case .resume = $0 { false } else { true } }
}

/// The action that fires progress event `type` at `target` with these numbers.
func progress(_ type: ProgressEventType, _ target: XHREventTargetKind = .xhr, _ loaded: Int64 = 0, _ total: Int64 = 0) -> XHRStateMachine.Action {
    .fire(.progress(type, target: target, loaded: loaded, total: total))
}
