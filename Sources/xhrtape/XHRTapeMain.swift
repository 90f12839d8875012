import Foundation
import XHRTapeCLI

@main
enum XHRTapeMain {
    static func main() async {
        exit(await XHRTapeCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
