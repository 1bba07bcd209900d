package com.ledgerflow.project;

/** Priority of a project task. */
public enum TaskPriority {

	LOW, NORMAL, HIGH, URGENT

}
