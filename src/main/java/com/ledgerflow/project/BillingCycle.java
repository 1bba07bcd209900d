package com.ledgerflow.project;

/** How often a project is billed. */
public enum BillingCycle {

	WEEKLY, MONTHLY, MILESTONE

}
