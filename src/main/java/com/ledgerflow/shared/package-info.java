/** Value types and failure types every module may use. */
@NullMarked
package com.ledgerflow.shared;

import org.jspecify.annotations.NullMarked;
