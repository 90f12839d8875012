import Foundation
import TapeCore

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` as character references, safe in HTML text and
    /// in quoted attribute values.
    var htmlEscaped: String {
        // Most text (methods, URLs, numbers) has nothing to escape: return it as is.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// This string as a JSON string literal that is also safe inside an HTML `<script>`
    /// element: `<` is written `\u003c`, so no `</script>` can appear.
    var scriptSafeJSONLiteral: String {
        jsonStringLiteral.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
