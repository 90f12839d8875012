import Foundation

/// A fresh cassette path in the temporary directory; the file does not exist yet.
func temporaryCassettePath(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    return FileManager.default.temporaryDirectory
        .appendingPathComponent("proxy-\(safe)-\(UUID().uuidString).sqlite").path
}
