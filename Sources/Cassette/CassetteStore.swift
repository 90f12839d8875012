// Filled by the cassette issue.
