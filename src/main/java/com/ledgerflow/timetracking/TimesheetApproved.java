package com.ledgerflow.timetracking;

import java.util.List;
import java.util.UUID;

/** The week's submitted time was approved: its entries are locked with their rates frozen. */
public record TimesheetApproved(UUID personId, String isoWeek, List<UUID> projectIds) {

}
