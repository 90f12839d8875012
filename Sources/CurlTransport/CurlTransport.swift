// Filled by the CurlTransport issue.
