/// The object behind ``XMLHttpRequest/upload``: upload progress events fire here.
public final class XMLHttpRequestUpload: XHREventTarget {
    override init() {}

    public var onloadstart: ((Event) -> Void)? { get { handler(for: "loadstart") } set { setHandler(newValue, for: "loadstart") } }
    public var onprogress: ((Event) -> Void)? { get { handler(for: "progress") } set { setHandler(newValue, for: "progress") } }
    public var onabort: ((Event) -> Void)? { get { handler(for: "abort") } set { setHandler(newValue, for: "abort") } }
    public var onerror: ((Event) -> Void)? { get { handler(for: "error") } set { setHandler(newValue, for: "error") } }
    public var onload: ((Event) -> Void)? { get { handler(for: "load") } set { setHandler(newValue, for: "load") } }
    public var ontimeout: ((Event) -> Void)? { get { handler(for: "timeout") } set { setHandler(newValue, for: "timeout") } }
    public var onloadend: ((Event) -> Void)? { get { handler(for: "loadend") } set { setHandler(newValue, for: "loadend") } }
}
