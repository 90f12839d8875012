public import ArgumentParser
public import XHR

extension XHRProfile: ExpressibleByArgument {}

extension XMLHttpRequest.ResponseType: ExpressibleByArgument {}
