/** The firm's staff as billable resources: who they are, their login, what an hour costs and bills by default. */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package com.ledgerflow.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
