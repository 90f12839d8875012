import Foundation
import TapeCore

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` as character references, safe in HTML text and
    /// in quoted attribute values.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
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
