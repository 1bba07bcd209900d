/** The accounting sync page for finance: what is in sync, pending or failed, and a retry for failures. */
@NullMarked
package com.ledgerflow.accounting.web;

import org.jspecify.annotations.NullMarked;
