// The system zlib (Debian: zlib1g-dev), for reading gzip-compressed rotated
// event logs (events.csv.2.gz). Only inflate is used.
#include <zlib.h>
