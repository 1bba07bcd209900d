/**
 * The QuickBooks Online adapter: OAuth tokens (encrypted at rest), the API client, inbound changes from webhooks and
 * the CDC poll. Only this package knows QBO's JSON.
 */
@NullMarked
package com.ledgerflow.accounting.qbo;

import org.jspecify.annotations.NullMarked;
