package com.ledgerflow.accounting;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Time activities entered directly in the accounting system (QBO, QuickBooks Time), mapped to Ledgerflow's ids through
 * the external links: the job to its project ({@code PROJECT} link), the employee to the person pushed as it
 * ({@code EMPLOYEE} link). An activity Ledgerflow booked itself ({@code TIME_ACTIVITY} link) is its own echo and never
 * comes back. Also keeps what could not be taken over, for the sync page.
 */
@Service
public class ReceivedTimeActivities extends ReceivedRecords<ExternalTimeActivity, ReceivedTimeActivity> {

	ReceivedTimeActivities(AccountingSystem accounting, ExternalLinkRepository links, UnmatchedChanges unmatched) {
		super(accounting, links, unmatched, AccountingChange.TIME_ACTIVITY, AccountingSync.TIME_ACTIVITY);
	}

	@Override
	Optional<ExternalTimeActivity> fetch(AccountingSystem accounting, ExternalRef id) {
		return accounting.readTimeActivity(id);
	}

	@Override
	ReceivedTimeActivity mapped(ExternalTimeActivity activity) {
		return new ReceivedTimeActivity(activity, localId(AccountingSync.PROJECT, activity.customerOrJob()),
				localId(AccountingSync.EMPLOYEE, activity.employee()));
	}

}
