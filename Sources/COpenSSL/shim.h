// OpenSSL for the local certificate authority (TapeTLS). Typed wrappers for the
// macros and variadic calls Swift cannot import are added below.
#ifndef XHRTAPE_COPENSSL_SHIM_H
#define XHRTAPE_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

/// `BIO_get_mem_data` (a macro): points `*data` at a memory BIO's contents and returns their length.
static inline long copenssl_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// `EVP_EC_gen("P-256")` (a macro over the variadic `EVP_PKEY_Q_keygen`): a new EC key on
/// prime256v1 with named-curve parameters, or NULL with the reason on the error queue.
static inline EVP_PKEY *copenssl_EVP_EC_gen_P256(void) {
    return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
}

/// `sk_GENERAL_NAME_new_null()` (a macro): an empty GENERAL_NAMES stack.
static inline GENERAL_NAMES *copenssl_GENERAL_NAMES_new_null(void) {
    return sk_GENERAL_NAME_new_null();
}

/// `sk_GENERAL_NAME_push` (a macro): appends `name`, which the stack then owns on success.
/// Returns the new count, or 0 on failure (the caller still owns `name`).
static inline int copenssl_GENERAL_NAMES_push(GENERAL_NAMES *names, GENERAL_NAME *name) {
    return sk_GENERAL_NAME_push(names, name);
}

/// `MBSTRING_UTF8` as a typed constant for `X509_NAME_add_entry_by_NID`.
static inline int copenssl_MBSTRING_UTF8(void) {
    return MBSTRING_UTF8;
}

#endif
