/**
 * Invoices over HTTP: the invoice API, the staff invoice pages (list, detail with the draft's review actions, PDF)
 * and the client-facing page reached through an invoice's unguessable token.
 */
@NullMarked
package com.ledgerflow.invoicing.web;

import org.jspecify.annotations.NullMarked;
