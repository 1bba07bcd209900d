package com.ledgerflow.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cron of billing-run's timer start ({@code ${billingRunSchedule.cron}} in the BPMN), from
 * {@code ledgerflow.invoicing.billing-run-cron}: Camunda's Quartz-style cron with seconds, default {@code 0 0 6 1 * ?}
 * (06:00 on the 1st of each month). Camunda evaluates it in the JVM's default time zone, not the company's: run the
 * JVM in the company time zone ({@code -Duser.timezone} / {@code TZ}) for 06:00 to be company time. The billed period
 * does not depend on it: Task_FindProjectsDue takes the previous month in the company time zone.
 */
@Component("billingRunSchedule")
public class BillingRunSchedule {

	private final String cron;

	BillingRunSchedule(@Value("${ledgerflow.invoicing.billing-run-cron}") String cron) {
		this.cron = cron;
	}

	public String getCron() {
		return cron;
	}

}
