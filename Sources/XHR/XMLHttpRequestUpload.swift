/// The object behind ``XMLHttpRequest/upload``: upload progress events fire here.
public final class XMLHttpRequestUpload: XHREventTarget {
    override init() {}
}
