import TapeCore

/// The URL Standard's "IPv6 parser" and "IPv6 serializer".
struct IPv6Address: Hashable, Sendable {
    var pieces: [UInt16]

    /// Parses the text between the brackets, or returns nil for failure.
    static func parse(_ input: [Unicode.Scalar]) -> IPv6Address? {
        var address = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int?
        var pointer = 0
        func at(_ index: Int) -> Unicode.Scalar? { index < input.count ? input[index] : nil }
        func hex(_ scalar: Unicode.Scalar?) -> UInt16? {
            guard let scalar, scalar.isASCII else { return nil }
            return PercentEncoding.hexValue(UInt8(scalar.value)).map(UInt16.init)
        }
        // Step 5.
        if at(pointer) == ":" {
            guard at(pointer + 1) == ":" else { return nil }
            pointer += 2
            pieceIndex += 1
            compress = pieceIndex
        }
        // Step 6.
        while let c = at(pointer) {
            guard pieceIndex != 8 else { return nil }
            if c == ":" {
                guard compress == nil else { return nil }
                pointer += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt16 = 0
            var length = 0
            while length < 4, let digit = hex(at(pointer)) {
                value = value * 0x10 + digit
                pointer += 1
                length += 1
            }
            if at(pointer) == "." {
                // IPv4 in IPv6.
                guard length != 0 else { return nil }
                pointer -= length
                guard pieceIndex <= 6 else { return nil }
                var numbersSeen = 0
                while let c = at(pointer) {
                    var ipv4Piece: Int?
                    if numbersSeen > 0 {
                        guard c == ".", numbersSeen < 4 else { return nil }
                        pointer += 1
                    }
                    guard let first = at(pointer), ("0"..."9").contains(first) else { return nil }
                    while let digit = at(pointer), ("0"..."9").contains(digit) {
                        let number = Int(digit.value) - 0x30
                        if let current = ipv4Piece {
                            guard current != 0 else { return nil }
                            ipv4Piece = current * 10 + number
                        } else {
                            ipv4Piece = number
                        }
                        guard let piece = ipv4Piece, piece <= 255 else { return nil }
                        pointer += 1
                    }
                    address[pieceIndex] = address[pieceIndex] * 0x100 + UInt16(ipv4Piece ?? 0)
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                guard numbersSeen == 4 else { return nil }
                break
            } else if at(pointer) == ":" {
                pointer += 1
                guard at(pointer) != nil else { return nil }
            } else if at(pointer) != nil {
                return nil
            }
            address[pieceIndex] = value
            pieceIndex += 1
        }
        // Steps 7-8.
        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0, swaps > 0 {
                address.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            return nil
        }
        return IPv6Address(pieces: address)
    }

    /// The "IPv6 serializer": lowercase hex, the first longest run (>1) of zero pieces as "::".
    var serialized: String {
        var compress: Int?
        var bestLength = 1
        var index = 0
        while index < 8 {
            if pieces[index] == 0 {
                var end = index
                while end < 8, pieces[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestLength = end - index
                    compress = index
                }
                index = end
            } else {
                index += 1
            }
        }
        var output = ""
        var ignore0 = false
        for pieceIndex in 0..<8 {
            if ignore0 && pieces[pieceIndex] == 0 { continue }
            ignore0 = false
            if compress == pieceIndex {
                output += pieceIndex == 0 ? "::" : ":"
                ignore0 = true
                continue
            }
            output += String(pieces[pieceIndex], radix: 16)
            if pieceIndex != 7 { output += ":" }
        }
        return output
    }
}
