// glibc's allocator controls (mallopt and its M_* parameters) are declared in <malloc.h>,
// which the Glibc module does not include.
#ifndef XHRTAPE_CMALLOC_SHIM_H
#define XHRTAPE_CMALLOC_SHIM_H

#include <malloc.h>

#endif
