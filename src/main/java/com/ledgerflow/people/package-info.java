/**
 * The firm's staff as billable resources: who they are, their login, what an hour costs and bills by default; whom
 * a logged-in caller may act for ({@link com.ledgerflow.people.StaffAccess}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "security", "shared" })
package com.ledgerflow.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
