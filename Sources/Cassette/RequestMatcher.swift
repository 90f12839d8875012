import HTTPTypes
public import TapeCore

/// Finds the recorded exchange that answers a request: the sans-IO heart of replay.
///
/// Give it the recorded requests (``Cassette/recordedRequests(includingBodies:)``) and
/// ``MatchOptions``; ask it with ``match(_:)``. It reads no files and no clocks, so the same
/// inputs always give the same answers.
///
/// Requests with equal keys are served in recorded order, each recording once; when they are
/// used up, ``MatchOptions/whenExhausted`` decides between serving the last again and failing.
/// Lookups go through a hash index of keys (expected O(1), never worse than the number of
/// recordings sharing the key). A miss scans every recording to name the closest one.
public struct RequestMatcher: Sendable {
    /// The options in force.
    public let options: MatchOptions

    private let recorded: [RecordedRequest]
    private var buckets: [MatchKey: Bucket]
    /// The first recording of each bucket, in recorded order: recordings that share a key
    /// differ from any request in the same way, so a miss compares one of each.
    private let bucketFirsts: [Int]

    /// Everything two requests must share to match, except the custom closure.
    private struct MatchKey: Hashable {
        var method: String
        var origin: String
        var path: String
        var query: [String]
        var headers: [[String]]
        var body: [UInt8]?
    }

    /// The recordings sharing one key, in recorded order.
    private struct Bucket {
        var indices: [Int]
        var used: [Bool]
        /// Every index before this one is used.
        var firstUnused = 0
    }

    /// Indexes `recorded` (sorted by id here, so recorded order is id order).
    ///
    /// - Parameters:
    ///   - recorded: The recorded requests; with body matching they must include bodies.
    ///   - options: What to compare.
    public init(recorded: [RecordedRequest], options: MatchOptions = MatchOptions()) {
        self.options = options
        self.recorded = recorded.sorted { $0.id < $1.id }
        var buckets: [MatchKey: Bucket] = [:]
        for (index, entry) in self.recorded.enumerated() {
            let key = Self.key(for: entry.request, options: options)
            buckets[key, default: Bucket(indices: [], used: [])].indices.append(index)
            buckets[key]!.used.append(false)
        }
        self.buckets = buckets
        self.bucketFirsts = buckets.values.compactMap(\.indices.first).sorted()
    }

    /// The number of recorded requests.
    public var recordedCount: Int { recorded.count }

    /// Finds and uses up the recording for `request`.
    ///
    /// - Parameter request: The live request, redacted the way the cassette was.
    /// - Returns: The id of the exchange to replay.
    /// - Throws: ``CassetteError/Code/noMatch`` when nothing matches, or
    ///   ``CassetteError/Code/exhausted`` when the matches are used up and the options say fail;
    ///   ``CassetteError/miss`` names the closest recording and how it differs.
    public mutating func match(_ request: ExchangeRequest) throws(CassetteError) -> ExchangeID {
        let key = Self.key(for: request, options: options)
        guard var bucket = buckets[key] else { throw missError(for: request) }
        let (custom, recorded) = (options.custom, self.recorded)
        let passes = { (index: Int) -> Bool in
            guard let custom else { return true }
            return custom(request, recorded[index])
        }
        var position = bucket.firstUnused
        while position < bucket.indices.count {
            if !bucket.used[position], passes(bucket.indices[position]) {
                bucket.used[position] = true
                while bucket.firstUnused < bucket.used.count, bucket.used[bucket.firstUnused] { bucket.firstUnused += 1 }
                buckets[key] = bucket
                return recorded[bucket.indices[position]].id
            }
            position += 1
        }
        guard let last = bucket.indices.last(where: passes) else { throw missError(for: request) }
        if options.whenExhausted == .repeatLast {
            // Repeat the last recording that ran to its end: one whose recording client
            // left mid-exchange would stall every repeat.
            let lastComplete = bucket.indices.last { passes($0) && !recorded[$0].clientGaveUp }
            return recorded[lastComplete ?? last].id
        }
        let entry = recorded[last]
        let uses = bucket.indices.filter(passes).count
        let miss = RequestMiss(
            method: request.head.method, url: request.head.url,
            closest: RequestMiss.Closest(id: entry.id, method: entry.request.head.method, url: entry.request.head.url, differences: []))
        throw CassetteError(
            code: .exhausted,
            message: "\(request.head.method) \(request.head.url) was recorded \(uses) time\(uses == 1 ? "" : "s") "
                + "and every recording has been replayed (the last is exchange \(entry.id)). Re-record with more "
                + "requests (record mode `new`), or replay the last one again with whenExhausted: .repeatLast.",
            miss: miss)
    }

    /// Every recording that matches `request`, used or not, in recorded order.
    public func candidates(for request: ExchangeRequest) -> [ExchangeID] {
        guard let bucket = buckets[Self.key(for: request, options: options)] else { return [] }
        return bucket.indices
            .filter { options.custom?(request, recorded[$0]) ?? true }
            .map { recorded[$0].id }
    }

    /// The recording most like `request` and how it differs; nil for an empty cassette.
    ///
    /// Differences are weighed (origin over method over path over query, headers and body), and
    /// ties go to the earliest recording.
    public func closest(to request: ExchangeRequest) -> RequestMiss.Closest? {
        var best: (score: Int, entry: RecordedRequest, differences: [MatchDifference])?
        let live = NormalizedURL(request.head.url)
        // Without a custom rule, one recording per key stands for the rest (and is the earliest of them).
        let candidates = options.custom == nil ? bucketFirsts : Array(recorded.indices)
        for entry in candidates.lazy.map({ recorded[$0] }) {
            let differences = Self.differences(between: entry.request, and: request, live: live, options: options, entry: entry)
            let score = differences.reduce(0) { $0 + Self.weight(of: $1.field) }
            if best == nil || score < best!.score {
                best = (score, entry, differences)
            }
        }
        return best.map {
            RequestMiss.Closest(id: $0.entry.id, method: $0.entry.request.head.method, url: $0.entry.request.head.url, differences: $0.differences)
        }
    }

    private func missError(for request: ExchangeRequest) -> CassetteError {
        let closest = closest(to: request)
        let miss = RequestMiss(method: request.head.method, url: request.head.url, closest: closest)
        var message = "No recorded exchange matches \(request.head.method) \(request.head.url) (matching on \(options.summary))."
        if let closest {
            message += " The closest is exchange \(closest.id), \(closest.method) \(closest.url), which differs in "
                + closest.differences.map(\.description).joined(separator: "; ") + "."
        } else {
            message += " The cassette holds no exchanges."
        }
        message += " Record it with record mode `new`, or relax matching"
            + (closest?.differences.contains { $0.field == .queryParameter } == true ? " (for example ignore that query parameter)." : ".")
        return CassetteError(code: .noMatch, message: message, miss: miss)
    }

    // MARK: - Keys and differences

    private static func key(for request: ExchangeRequest, options: MatchOptions) -> MatchKey {
        let url = NormalizedURL(request.head.url)
        return MatchKey(
            method: request.head.method,
            origin: url.origin,
            path: url.path,
            query: queryKey(url.query, options: options),
            headers: options.headers.map { values(ofHeader: $0, in: request) },
            body: options.body.map { NormalizedBody.normalize(request.body, as: $0) })
    }

    private static func queryKey(_ pairs: [QueryPair], options: MatchOptions) -> [String] {
        let kept = pairs.filter { !options.ignoredQueryParameters.contains($0.name) }
        let ordered = options.ignoresQueryOrder
            ? kept.enumerated().sorted { lhs, rhs in
                lhs.element.name == rhs.element.name ? lhs.offset < rhs.offset : lhs.element.name < rhs.element.name
            }.map(\.element)
            : kept
        return ordered.map { QueryPair.encode($0.name) + "=" + QueryPair.encode($0.value) }
    }

    private static func values(ofHeader name: String, in request: ExchangeRequest) -> [String] {
        let lowercased = name.lowercased()
        return request.head.headerFields.filter { $0.name.canonicalName == lowercased }.map(\.value)
    }

    private static func weight(of field: MatchDifference.Field) -> Int {
        switch field {
        case .scheme, .host, .port: 10
        case .method: 6
        case .path: 5
        case .body: 3
        case .queryParameter, .header: 2
        default: 1
        }
    }

    private static func differences(
        between recordedRequest: ExchangeRequest, and request: ExchangeRequest, live: NormalizedURL,
        options: MatchOptions, entry: RecordedRequest
    ) -> [MatchDifference] {
        var differences: [MatchDifference] = []
        let stored = NormalizedURL(recordedRequest.head.url)
        if recordedRequest.head.method != request.head.method {
            differences.append(MatchDifference(.method, recorded: recordedRequest.head.method, requested: request.head.method))
        }
        if stored.scheme != live.scheme {
            differences.append(MatchDifference(.scheme, recorded: stored.scheme, requested: live.scheme))
        }
        if stored.host != live.host {
            differences.append(MatchDifference(.host, recorded: stored.host, requested: live.host))
        }
        if stored.port != live.port {
            func show(_ url: NormalizedURL) -> String? {
                url.port.map(String.init) ?? NormalizedURL.defaultPorts[url.scheme].map(String.init)
            }
            differences.append(MatchDifference(.port, recorded: show(stored), requested: show(live)))
        }
        if stored.path != live.path {
            differences.append(MatchDifference(.path, recorded: stored.path, requested: live.path))
        }
        differences += queryDifferences(stored.query, live.query, options: options)
        for name in options.headers {
            let a = values(ofHeader: name, in: recordedRequest)
            let b = values(ofHeader: name, in: request)
            if a != b {
                differences.append(MatchDifference(
                    .header, name: name,
                    recorded: a.isEmpty ? nil : a.joined(separator: ", "),
                    requested: b.isEmpty ? nil : b.joined(separator: ", ")))
            }
        }
        if let mode = options.body,
           NormalizedBody.normalize(recordedRequest.body, as: mode) != NormalizedBody.normalize(request.body, as: mode) {
            differences.append(NormalizedBody.difference(recorded: recordedRequest.body, requested: request.body, as: mode))
        }
        if differences.isEmpty, let custom = options.custom, !custom(request, entry) {
            differences.append(MatchDifference(.custom, recorded: nil, requested: nil))
        }
        return differences
    }

    private static func queryDifferences(_ recorded: [QueryPair], _ live: [QueryPair], options: MatchOptions) -> [MatchDifference] {
        let a = recorded.filter { !options.ignoredQueryParameters.contains($0.name) }
        let b = live.filter { !options.ignoredQueryParameters.contains($0.name) }
        var names: [String] = []
        for pair in a + b where !names.contains(pair.name) { names.append(pair.name) }
        var differences: [MatchDifference] = []
        for name in names {
            let x = a.filter { $0.name == name }.map(\.value)
            let y = b.filter { $0.name == name }.map(\.value)
            if x != y {
                differences.append(MatchDifference(
                    .queryParameter, name: name,
                    recorded: x.isEmpty ? nil : x.joined(separator: "&"),
                    requested: y.isEmpty ? nil : y.joined(separator: "&")))
            }
        }
        if differences.isEmpty, !options.ignoresQueryOrder, a.map(\.name) != b.map(\.name) {
            differences.append(MatchDifference(
                .queryOrder,
                recorded: a.map(\.name).joined(separator: "&"),
                requested: b.map(\.name).joined(separator: "&")))
        }
        return differences
    }
}
