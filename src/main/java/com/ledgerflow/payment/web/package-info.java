/** The payments API and the finance page for recording payments. */
@NullMarked
package com.ledgerflow.payment.web;

import org.jspecify.annotations.NullMarked;
