import ArgumentParser  // required under MemberImportVisibility, or `main()` is not visible
import XHRTapeCLI

@main
enum XHRTapeMain {
    static func main() async {
        await XHRTapeCommand.main()
    }
}
