/**
 * The only Camunda-aware module: process triggers, thin delegates, the engine's identity and web wiring. Domain
 * modules never see process variables; delegates translate ids to service calls and back.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "accounting", "timetracking", "expense", "invoicing", "payment", "dunning",
		"project", "people", "client", "security", "mail", "shared" })
package com.ledgerflow.workflow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
