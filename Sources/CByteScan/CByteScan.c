// The header's function is static inline; SwiftPM wants one source file.
#include "CByteScan.h"
