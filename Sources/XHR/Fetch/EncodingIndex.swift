/// The Encoding Standard's indexes ("Indexes"), decoded lazily from generated sources.
///
/// The `EncodingIndex+*.swift` files are generated from the whatwg/encoding repository (commit
/// a985b62, 2026-05-21; each file names the index and its Identifier) by the script reproduced at
/// the end of this comment:
///
///     python3 generate-encoding-indexes.py <whatwg/encoding checkout> Sources/XHR/Fetch
///
/// Each multi-byte index is one string literal holding one scalar per pointer, from pointer 0 to
/// the largest pointer; U+FFFF (a noncharacter no index maps to) marks a pointer without an entry.
/// Single-byte indexes hold 128 scalars for bytes 0x80...0xFF. Index gb18030 ranges is two
/// parallel arrays. The labels table (`TextEncoding+Labels.swift`) comes from `encodings.json`.
///
/// ```python
/// #!/usr/bin/env python3
/// """Generates Sources/XHR/Fetch/EncodingIndex+*.swift and TextEncoding+Labels.swift
/// from a checkout of whatwg/encoding (encodings.json and index-*.txt).
///
/// Usage: generate-encoding-indexes.py <whatwg-encoding-checkout> <output-dir>
/// """
/// import json, os, sys, unicodedata
///
/// src, out = sys.argv[1], sys.argv[2]
/// NULL = 0xFFFF  # no index entry; U+FFFF is a noncharacter that no index maps to
///
/// def read_index(name):
///     entries, ident = {}, None
///     with open(os.path.join(src, f"index-{name}.txt"), encoding="utf-8") as f:
///         for line in f:
///             if line.startswith("# Identifier:"):
///                 ident = line.split(":", 1)[1].strip()
///             line = line.rstrip("\n")
///             if not line or line.startswith("#"):
///                 continue
///             parts = line.split("\t")
///             entries[int(parts[0])] = int(parts[1], 16)
///     return entries, ident
///
/// def swift_scalar(cp, escape_all):
///     ch = chr(cp)
///     cat = unicodedata.category(ch)
///     if escape_all or cp < 0x20 or cp in (0x22, 0x5C) or (cat[0] in "CMZ" and cp != NULL):
///         return "\\u{%X}" % cp
///     return ch
///
/// def literal(values, escape_all, per_line):
///     lines = []
///     for i in range(0, len(values), per_line):
///         lines.append("        " + "".join(swift_scalar(v, escape_all) for v in values[i:i + per_line]))
///     return '"""\n' + "\\\n".join(lines) + '\n        """'
///
/// HEADER = """// GENERATED FILE, do not edit. Regenerate with the script in EncodingIndex.swift
/// // from whatwg/encoding {file} (Identifier: {ident}).
/// """
///
/// def write(fname, body):
///     with open(os.path.join(out, fname), "w", encoding="utf-8") as f:
///         f.write(body)
///
/// encodings = json.load(open(os.path.join(src, "encodings.json")))
///
/// # Single-byte indexes: 128 code points each, pointer = byte - 0x80.
/// single = [e["name"] for g in encodings if g["heading"] == "Legacy single-byte encodings" for e in g["encodings"]]
/// parts, idents = [], []
/// for name in single:
///     if name == "ISO-8859-8-I":
///         continue  # shares index ISO-8859-8
///     entries, ident = read_index(name.lower())
///     values = [entries.get(p, NULL) for p in range(128)]
///     ident_name = name.lower().replace("-", "_")
///     parts.append(f"    /// `index-{name.lower()}.txt` (Identifier: {ident}).\n"
///                  f"    static let {ident_name}: String = {literal(values, True, 16)}\n")
/// write("EncodingIndex+SingleByte.swift",
///       "// GENERATED FILE, do not edit. Regenerate with the script in EncodingIndex.swift\n"
///       "// from whatwg/encoding index-<name>.txt (the single-byte indexes).\n\n"
///       "extension EncodingIndex {\n" + "\n".join(parts) + "}\n")
///
/// # Multi-byte indexes: dense arrays from pointer 0 to the largest pointer.
/// for name, swift_name in [("jis0208", "jis0208"), ("jis0212", "jis0212"), ("euc-kr", "eucKR"),
///                          ("gb18030", "gb18030"), ("big5", "big5")]:
///     entries, ident = read_index(name)
///     values = [entries.get(p, NULL) for p in range(max(entries) + 1)]
///     assert NULL not in entries.values()
///     type_name = {"jis0208": "JIS0208", "jis0212": "JIS0212", "euc-kr": "EUCKR", "gb18030": "GB18030", "big5": "Big5"}[name]
///     write(f"EncodingIndex+{type_name}.swift",
///           HEADER.format(file=f"index-{name}.txt", ident=ident) +
///           f"\nextension EncodingIndex {{\n"
///           f"    /// Index {name}: one scalar per pointer 0...{len(values) - 1}; U+FFFF marks a pointer with no entry.\n"
///           f"    static let {swift_name}Source: String = {literal(values, False, 64)}\n}}\n")
///
/// ranges, ident = read_index("gb18030-ranges")
/// ptrs = sorted(ranges)
/// write("EncodingIndex+GB18030Ranges.swift",
///       HEADER.format(file="index-gb18030-ranges.txt", ident=ident) +
///       "\nextension EncodingIndex {\n"
///       "    /// Index gb18030 ranges: pointers, ascending.\n"
///       "    static let gb18030RangePointers: [UInt32] = [\n" +
///       "".join(f"        {p},\n" for p in ptrs) + "    ]\n"
///       "    /// Index gb18030 ranges: the code point for each pointer in ``gb18030RangePointers``.\n"
///       "    static let gb18030RangeCodePoints: [UInt32] = [\n" +
///       "".join("        0x%04X,\n" % ranges[p] for p in ptrs) + "    ]\n}\n")
///
/// # Labels.
/// kinds = []
/// lines = []
/// for g in encodings:
///     for e in g["encodings"]:
///         kinds.append(e["name"])
///         for label in e["labels"]:
///             case = e["name"]
///             lines.append(f'        "{label}": "{case}",\n')
/// write("TextEncoding+Labels.swift",
///       "// GENERATED FILE, do not edit. Regenerate with the script in EncodingIndex.swift\n"
///       "// from whatwg/encoding encodings.json.\n\n"
///       "extension TextEncoding {\n"
///       "    /// The Encoding Standard's labels table (\"Names and labels\"): label → encoding name.\n"
///       "    static let labelTable: [String: String] = [\n" + "".join(lines) + "    ]\n}\n")
/// print("ok", kinds)
/// ```
enum EncodingIndex {
    /// Marks a pointer that has no entry in an index.
    static let noEntry: UInt32 = 0xFFFF

    /// Turns a generated index literal into a pointer-indexed table.
    static func table(_ source: String) -> [UInt32] {
        source.unicodeScalars.map(\.value)
    }

    static let jis0208: [UInt32] = table(jis0208Source)
    static let jis0212: [UInt32] = table(jis0212Source)
    static let eucKR: [UInt32] = table(eucKRSource)
    static let gb18030: [UInt32] = table(gb18030Source)
    static let big5: [UInt32] = table(big5Source)

    /// The "index code point" for `pointer` in `index`, or nil when the index has no such pointer.
    static func codePoint(_ pointer: Int, in index: [UInt32]) -> UInt32? {
        guard pointer >= 0, pointer < index.count else { return nil }
        let value = index[pointer]
        return value == noEntry ? nil : value
    }

    /// The "index gb18030 ranges code point" for `pointer`.
    static func gb18030RangesCodePoint(_ pointer: Int) -> UInt32? {
        // Step 1: pointers in the gap and past the end have no code point.
        if (pointer > 39419 && pointer < 189000) || pointer > 1_237_575 { return nil }
        // Step 2.
        if pointer == 7457 { return 0xE7C7 }
        // Step 3: the last range whose pointer is <= pointer.
        let pointers = gb18030RangePointers
        var low = 0
        var high = pointers.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if pointers[mid] <= UInt32(pointer) { low = mid } else { high = mid - 1 }
        }
        // Step 4.
        return gb18030RangeCodePoints[low] + UInt32(pointer) - pointers[low]
    }
}
