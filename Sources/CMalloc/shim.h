// glibc's allocator settings (mallopt and its M_* parameters), which the Glibc module leaves out.
#ifndef XHRTAPE_CMALLOC_SHIM_H
#define XHRTAPE_CMALLOC_SHIM_H

#include <malloc.h>

#endif
