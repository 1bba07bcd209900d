/**
 * Reports on the firm's money and flow: project profitability, budget burn, utilization, receivables, revenue
 * leakage and process timings. Read-only SQL aggregates over the other modules' tables and Camunda's history tables
 * (no entities loaded, no Camunda API): a read model, so it depends on no module's Java types.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package com.ledgerflow.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
