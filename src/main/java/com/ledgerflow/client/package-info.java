/** The firm's clients: who is billed, where, in which currency, on what terms and with what tax. */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package com.ledgerflow.client;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
