/** QuickBooks pages and endpoints: Connect to QuickBooks (finance, administrators) and the webhook receiver. */
@NullMarked
package com.ledgerflow.accounting.qbo.web;

import org.jspecify.annotations.NullMarked;
