import Cassette

extension CassetteDiff {
    /// The diff for machines: one JSON object, keys in a fixed order, integers for times.
    ///
    /// `{"diff":"cassette","equal":false,"tolerance":{…},"ignoredHeaders":[…],"exchanges":[…],"summary":"…"}`;
    /// only exchanges that are not equal are listed, each with its presence (`both`, `expected`,
    /// `actual`), ids, request, and the differences found.
    public var json: String {
        var root = JSONLineWriter()
        root.add("diff", "cassette")
        root.add("equal", isEqual)
        root.add("tolerance", object: tolerance.jsonObject)
        root.add("ignoredHeaders", strings: ignoredHeaders.sorted())
        root.add("exchanges", objects: exchanges.filter { !$0.isEqual }.map(\.jsonObject))
        root.add("summary", summary)
        return root.finished
    }
}

extension ExchangeDiff {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        let presenceName: String = switch presence {
        case .both: "both"
        case .onlyExpected: "expected"
        case .onlyActual: "actual"
        }
        object.add("presence", presenceName)
        object.addRaw("expectedID", expectedID.map { String($0.rawValue) } ?? "null")
        object.addRaw("actualID", actualID.map { String($0.rawValue) } ?? "null")
        object.add("method", method)
        object.add("url", url)
        guard presence == .both else { return object }
        object.add("head", objects: headDifferences.map(\.jsonObject))
        object.add("requestHeaders", objects: requestHeaderDifferences.map(\.jsonObject))
        object.addRaw("requestBody", requestBody?.jsonObject.finished ?? "null")
        object.add("responseHeaders", objects: responseHeaderDifferences.map(\.jsonObject))
        object.addRaw("responseBody", responseBody?.jsonObject.finished ?? "null")
        object.add("timing", objects: timingDifferences.map(\.jsonObject))
        object.add("chunkOffsetDifferences", chunkOffsetDifferenceCount)
        return object
    }
}

extension HeaderDifference {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        switch self {
        case .added(let name, let value, let position):
            object.add("kind", "added"); object.add("name", name); object.add("value", value); object.add("position", position)
        case .removed(let name, let value, let position):
            object.add("kind", "removed"); object.add("name", name); object.add("value", value); object.add("position", position)
        case .changed(let name, let expected, let actual):
            object.add("kind", "changed"); object.add("name", name); object.add("expected", expected); object.add("actual", actual)
        case .renamed(let expected, let actual, let value):
            object.add("kind", "renamed"); object.add("expected", expected); object.add("actual", actual); object.add("value", value)
        case .moved(let name, let value, let from, let to):
            object.add("kind", "moved"); object.add("name", name); object.add("value", value); object.add("from", from); object.add("to", to)
        }
        return object
    }
}

extension BodyDifference {
    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        object.add("expectedBytes", expectedBytes)
        object.add("actualBytes", actualBytes)
        object.add("expectedSHA256", expectedSHA256)
        object.add("actualSHA256", actualSHA256)
        object.add("firstDifferingOffset", firstDifferingOffset)
        if let jsonPaths {
            object.add("jsonPaths", objects: jsonPaths.map(\.jsonObject))
            object.add("jsonPathCount", jsonPathCount)
        } else {
            object.addRaw("jsonPaths", "null")
        }
        object.add("expectedDecodingProblem", expectedDecodingProblem)
        object.add("actualDecodingProblem", actualDecodingProblem)
        return object
    }
}
