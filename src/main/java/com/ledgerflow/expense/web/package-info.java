/** Expenses over HTTP: the expense API with receipt upload and download, and the expenses page. */
@NullMarked
package com.ledgerflow.expense.web;

import org.jspecify.annotations.NullMarked;
