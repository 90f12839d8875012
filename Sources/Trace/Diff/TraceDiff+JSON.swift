extension TraceDiff {
    /// The diff for machines: one JSON object, keys in a fixed order, integers for times.
    ///
    /// `{"diff":"trace","equal":false,"tolerance":{…},"expected":{…},"actual":{…},"xhrs":[…],"summary":"…"}`.
    /// Each XHR lists its request and result field differences and only its events that are not
    /// equal, each with its verdict, positions, both lines as they appear in the traces, and the
    /// differing fields.
    public var json: String {
        var root = JSONLineWriter()
        root.add("diff", "trace")
        root.add("equal", isEqual)
        root.add("tolerance", object: tolerance.jsonObject)
        for (key, header) in [("expected", expectedHeader), ("actual", actualHeader)] {
            if let header {
                var object = JSONLineWriter()
                object.add("profile", header.profile)
                object.add("source", header.source.rawValue)
                root.add(key, object: object)
            } else {
                root.addRaw(key, "null")
            }
        }
        root.add("xhrs", objects: xhrs.map(\.jsonObject))
        root.add("summary", summary)
        return root.finished
    }
}

extension TraceTolerance {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        object.add("absoluteMicros", absoluteMicros)
        object.addRaw("relative", "\(relative)")
        return object
    }
}

extension XHRTraceDiff {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        object.add("xhr", xhr)
        let presenceName: String = switch presence {
        case .both: "both"
        case .onlyExpected: "expected"
        case .onlyActual: "actual"
        }
        object.add("presence", presenceName)
        object.add("equal", isEqual)
        object.add("title", title)
        object.add("request", objects: requestDifferences.map(\.jsonObject))
        object.add("eventCounts", object: {
            var counts = JSONLineWriter()
            counts.add("expected", events.filter { $0.expected != nil }.count)
            counts.add("actual", events.filter { $0.actual != nil }.count)
            return counts
        }())
        object.add("events", objects: events.filter { !$0.isEqual }.map(\.jsonObject))
        object.add("result", objects: resultDifferences.map(\.jsonObject))
        return object
    }
}

extension AlignedTraceEvent {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        let (verdictName, fields): (String, [FieldDifference]) = switch verdict {
        case .equal: ("equal", [])
        case .timing: ("timing", [FieldDifference("t", expected: expected.map { String($0.offsetMicros) }, actual: actual.map { String($0.offsetMicros) })])
        case .changed(let fields): ("changed", fields)
        case .removed: ("removed", [])
        case .inserted: ("inserted", [])
        }
        object.add("verdict", verdictName)
        object.addRaw("expectedPosition", expectedPosition.map(String.init) ?? "null")
        object.addRaw("actualPosition", actualPosition.map(String.init) ?? "null")
        object.addRaw("expected", expected.map { TraceLine.event($0).json } ?? "null")
        object.addRaw("actual", actual.map { TraceLine.event($0).json } ?? "null")
        object.add("fields", objects: fields.map(\.jsonObject))
        return object
    }
}
