public import ArgumentParser
public import Cassette

extension RecordMode: ExpressibleByArgument {}
