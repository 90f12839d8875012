extension CassetteDiff {
    /// The diff for people: each added (`+`), removed (`-`) and changed (`~`) exchange with
    /// what changed indented below it, then the summary. Equal exchanges are only counted.
    ///
    /// - Parameters:
    ///   - expectedName: What to call the expected cassette (its file name).
    ///   - actualName: What to call the actual cassette.
    ///   - color: Whether to add ANSI colours.
    public func rendered(expectedName: String = "expected", actualName: String = "actual", color: Bool = false) -> String {
        var out = DiffPrinter(color: color)
        let expectedCount = exchanges.filter { $0.presence != .onlyActual }.count
        let actualCount = exchanges.filter { $0.presence != .onlyExpected }.count
        out.line(.title, "--- \(expectedName) (\(expectedCount) exchange\(expectedCount == 1 ? "" : "s"))")
        out.line(.title, "+++ \(actualName) (\(actualCount) exchange\(actualCount == 1 ? "" : "s"))")
        for exchange in exchanges where !exchange.isEqual {
            let ids = DiffPrinter.padded(
                "\(exchange.expectedID.map(String.init(describing:)) ?? "-")→\(exchange.actualID.map(String.init(describing:)) ?? "-")", to: 10)
            let title = ids + exchange.method + " " + exchange.url
            switch exchange.presence {
            case .onlyExpected: out.line(.removed, title)
            case .onlyActual: out.line(.inserted, title)
            case .both:
                out.line(.changed, title)
                render(exchange, into: &out)
            }
        }
        out.line(.note, summary)
        return out.text
    }

    private func render(_ exchange: ExchangeDiff, into out: inout DiffPrinter) {
        for field in exchange.headDifferences {
            out.line(.changed, field.description, indent: 2)
        }
        for (side, differences) in [("request", exchange.requestHeaderDifferences), ("response", exchange.responseHeaderDifferences)] {
            for difference in differences {
                let mark: DiffPrinter.Mark = switch difference {
                case .added: .inserted
                case .removed: .removed
                case .changed, .renamed, .moved: .changed
                }
                out.line(mark, "\(side) header \(difference)", indent: 2)
            }
        }
        for (side, body) in [("request", exchange.requestBody), ("response", exchange.responseBody)] {
            guard let body else { continue }
            for problem in [body.expectedDecodingProblem, body.actualDecodingProblem].compactMap({ $0 }) {
                out.line(.note, "    \(side) body: \(problem)")
            }
            if let paths = body.jsonPaths {
                for path in paths {
                    let mark: DiffPrinter.Mark = path.expected == nil ? .inserted : path.actual == nil ? .removed : .changed
                    out.line(mark, "\(side) body \(path)", indent: 2)
                }
                if body.jsonPathCount > paths.count {
                    out.line(.note, "    … \(body.jsonPathCount - paths.count) more JSON paths differ")
                }
            } else {
                out.line(.changed, "\(side) body \(body.expectedBytes) → \(body.actualBytes) bytes, first difference at byte "
                    + "\(body.firstDifferingOffset), sha256 \(body.expectedSHA256.prefix(12))… → \(body.actualSHA256.prefix(12))…", indent: 2)
            }
        }
        for field in exchange.timingDifferences {
            let text = field.field.hasSuffix(" t")
                ? "\(field.field) \(field.expected.flatMap { Int64($0) }.map(DiffPrinter.time) ?? "(none)") → "
                    + "\(field.actual.flatMap { Int64($0) }.map(DiffPrinter.time) ?? "(none)")"
                : field.description
            out.line(.changed, "timing \(text)", indent: 2)
        }
        if exchange.chunkOffsetDifferenceCount > ExchangeDiff.maximumChunkOffsets {
            out.line(.note, "    … \(exchange.chunkOffsetDifferenceCount - ExchangeDiff.maximumChunkOffsets) more chunk offsets beyond the tolerance")
        }
    }
}
