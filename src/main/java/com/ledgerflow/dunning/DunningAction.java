package com.ledgerflow.dunning;

/**
 * What a dunning step does, as the {@code dunning-policy} decision names it: a reminder, a reminder that also asks the
 * project's manager to follow the invoice up, or the final notice (the project is then put on hold).
 */
public enum DunningAction {

	REMIND, ESCALATE, FINAL_NOTICE

}
