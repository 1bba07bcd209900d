package com.ledgerflow.project;

/**
 * Where a project is in its life: proposed (not yet confirmed), planning (confirmed, the manager plans tasks), active
 * (work and billing), completed (work done, final billing), closed (closed in accounting; read-only).
 */
public enum ProjectStatus {

	PROPOSED, PLANNING, ACTIVE, COMPLETED, CLOSED;

	public boolean editable() {
		return this != COMPLETED && this != CLOSED;
	}

}
