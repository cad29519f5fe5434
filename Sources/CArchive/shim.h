#ifndef BUNKER_CARCHIVE_SHIM_H
#define BUNKER_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
