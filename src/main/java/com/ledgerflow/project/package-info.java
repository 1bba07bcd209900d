/**
 * Client projects and their plan: billing model, budget, cycle, manager, tasks, milestones and the rate card; tells
 * assignees about their tasks through the mail outbox.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "client", "people", "mail", "shared" })
package com.ledgerflow.project;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
