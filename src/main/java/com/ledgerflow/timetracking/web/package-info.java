/** Time tracking over HTTP: the time-entry, timesheet and timer API, and the weekly timesheet page. */
@NullMarked
package com.ledgerflow.timetracking.web;

import org.jspecify.annotations.NullMarked;
