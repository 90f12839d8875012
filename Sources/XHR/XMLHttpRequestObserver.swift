/// Watches an ``XMLHttpRequest`` from outside its event listeners: the trace recorder.
///
/// Observers are told before listeners run, so what they see does not depend on the
/// order in which a page registered its listeners.
package protocol XMLHttpRequestObserver: AnyObject {
    /// send() was called and passed its checks; the request is about to start.
    func xhrWillSend(_ xhr: XMLHttpRequest)
    /// `event` is about to be dispatched; `xhr.readyState` is the state listeners will see.
    func xhr(_ xhr: XMLHttpRequest, willDispatch event: Event)
}
