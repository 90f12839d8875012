/// The URL Standard's percent-encoding and -decoding on bytes, shared by the XHR's URL and
/// form code, cassette matching and the scenario server's query parser.
package enum PercentEncoding {
    /// "Percent-decode" a byte sequence: `%XX` with two hex digits becomes that byte.
    package static func decode(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `%XX` with uppercase hex digits.
    package static func percentEncoded(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// The urlencoded serializer's encoding of one name or value: UTF-8, the
    /// application/x-www-form-urlencoded percent-encode set, and space as "+".
    ///
    /// Left as is: ASCII alphanumerics and `*-._`; everything else is percent-encoded.
    package static func encodeFormComponent(_ string: String) -> String {
        var output = ""
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20:
                output += "+"
            default:
                output += percentEncoded(byte)
            }
        }
        return output
    }
}
