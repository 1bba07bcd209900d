/**
 * Who may do what: staff log in once (form login for pages and the Camunda webapps, HTTP Basic for {@code /api} and
 * {@code /engine-rest}) against the staff accounts held by the workflow engine, and the admin account is ensured at
 * start.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package com.ledgerflow.security;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
