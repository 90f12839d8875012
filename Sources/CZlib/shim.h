// deflateInit2 and inflateInit2 are macros over deflateInit2_/inflateInit2_ that
// pass the library version and the stream size; Swift cannot import them.
#ifndef XHRTAPE_CZLIB_SHIM_H
#define XHRTAPE_CZLIB_SHIM_H

#include <zlib.h>

static inline int czlib_deflate_init2(z_streamp stream, int level, int method, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}
static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
