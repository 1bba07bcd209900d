package com.ledgerflow.project;

/** Progress of a fixed-fee milestone; a completed one is ready to bill. */
public enum MilestoneStatus {

	PLANNED, COMPLETED, INVOICED

}
