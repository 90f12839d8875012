// Brotli's streaming encoder and decoder (libbrotli-dev). No shims are needed;
// this header only gathers both APIs for the module map.
#ifndef XHRTAPE_CBROTLI_SHIM_H
#define XHRTAPE_CBROTLI_SHIM_H

#include <brotli/encode.h>
#include <brotli/decode.h>

#endif
