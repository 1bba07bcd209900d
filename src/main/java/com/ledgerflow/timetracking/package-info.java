/**
 * Time tracking: consultants' time entries (web, API, CSV import from Harvest, Toggl and Clockify, QBO), weekly
 * timesheets submitted for approval, rates frozen at approval and approved time booked in accounting.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "client", "people", "project", "accounting", "mail", "security", "shared" })
package com.ledgerflow.timetracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
