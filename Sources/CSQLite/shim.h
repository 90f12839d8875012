// SQLITE_TRANSIENT is a function-like cast macro that Swift cannot import.
#ifndef XHRTAPE_CSQLITE_SHIM_H
#define XHRTAPE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Binds a copy of `length` bytes (SQLite copies them before returning).
static inline int csqlite_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}
/// Binds a copy of a UTF-8 string of `length` bytes.
static inline int csqlite_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

#endif
