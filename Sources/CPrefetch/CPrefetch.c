// The header's functions are static inline; SwiftPM wants one source file.
#include "CPrefetch.h"
