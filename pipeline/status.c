/*
 * status.c - text for every status code, generated from SV_STATUS_MAP.
 */
#include "status.h"

const char *sv_status_str(sv_status s)
{
  switch (s) {
#define SV_STATUS_TEXT(name, text)                                            \
  case SV_##name:                                                             \
    return text;
    SV_STATUS_MAP(SV_STATUS_TEXT)
#undef SV_STATUS_TEXT
  case SV_STATUS_COUNT:
    break;
  }
  return "unknown status";
}

const char *sv_status_name(sv_status s)
{
  switch (s) {
#define SV_STATUS_NAME(name, text)                                            \
  case SV_##name:                                                             \
    return #name;
    SV_STATUS_MAP(SV_STATUS_NAME)
#undef SV_STATUS_NAME
  case SV_STATUS_COUNT:
    break;
  }
  return "UNKNOWN";
}
