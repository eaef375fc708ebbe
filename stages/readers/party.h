/*
 * party.h - whose statement it is: the account holder's name and the
 * account number, from labelled fields or the address block, never from a
 * movement line.
 *
 *  - Holder: the value of a holder label ("Account holder", "Customer
 *    name", "Titular", "Cliente", "Nombre"), right of it, after its colon
 *    or under it, that reads as a person's name (2-8 words of letters, no
 *    date, no bank or statement word); else the first name-like cell of
 *    the address block: in the upper part of the statement's first page,
 *    with an address (a cell holding digits, a street or a post code)
 *    right under it in the same column, outside any table.
 *  - Account: the value of an account label ("Account number", "No. de
 *    cuenta", "Acct #", "IBAN"), or a number printed after "Account" in
 *    the same cell ("CHECKING Account ****9985"); digits with spaces or
 *    dashes, masked forms ("****5569", "XXXX5569", "...5569") included; an
 *    18-digit CLABE is not the account.  Reported masked to its last 4.
 *
 * One of the statement reader's parts (statement.c).
 */
#ifndef SV_PARTY_H
#define SV_PARTY_H

#include "../text/layout.h"

/* Reads the holder and masked account of the statement on pages
   [page0, page1] of layout l, leaving out the lines skip[] marks (the
   movement tables; skip may be NULL).  Each out is set owned (g_free) or
   NULL. */
void sv_party_read(const struct sv_layout *l, int page0, int page1,
                   const bool *skip, char **holder, char **account);

/* Returns owned: the masked account ("****1234") a printed value names,
   NULL when it names none (fewer than 4 digits, a CLABE, words). */
char *sv_party_account_of(const char *value);

/* True when text reads as a person's name (see the header). */
bool sv_party_is_name(const char *text);

#endif
