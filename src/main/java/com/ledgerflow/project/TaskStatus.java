package com.ledgerflow.project;

/** Progress of a project task. */
public enum TaskStatus {

	OPEN, IN_PROGRESS, DONE

}
