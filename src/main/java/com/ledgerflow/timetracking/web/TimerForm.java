package com.ledgerflow.timetracking.web;

import org.jspecify.annotations.Nullable;

/** The timesheet page's start-timer form as typed. */
record TimerForm(@Nullable String work, @Nullable String notes) {

	static TimerForm empty() {
		return new TimerForm("", "");
	}

	BookableWork.Work bookedWork() {
		return BookableWork.Work.parse(work);
	}

}
