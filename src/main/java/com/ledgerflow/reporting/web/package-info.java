/** Reports over HTTP: {@code /api/v1/reports/<name>} as JSON and {@code <name>.csv} as CSV. */
@NullMarked
package com.ledgerflow.reporting.web;

import org.jspecify.annotations.NullMarked;
