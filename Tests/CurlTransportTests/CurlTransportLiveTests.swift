import Testing

/// The tests that talk to a real ``ScenarioServer`` over loopback sockets. They run one
/// at a time: two cores, and the trickle test measures timing.
@Suite(.serialized) struct CurlTransportLiveTests {}
