package com.ledgerflow.project;

/**
 * How a project rounds each time entry when it is invoiced: not at all, up to the next step, or to the nearest step
 * (half a step rounds up) of 6, 15 or 30 minutes. An entry never rounds to zero: the nearest step of a few minutes is
 * one step.
 */
public enum TimeRounding {

	NONE(1, false), UP_6(6, false), UP_15(15, false), UP_30(30, false), NEAREST_6(6, true), NEAREST_15(15, true),
	NEAREST_30(30, true);

	private final int step;

	private final boolean nearest;

	TimeRounding(int step, boolean nearest) {
		this.step = step;
		this.nearest = nearest;
	}

	/** The minutes billed for {@code minutes} worked ({@code minutes > 0}). */
	public int billedMinutes(int minutes) {
		if (minutes <= 0) {
			throw new IllegalArgumentException("Worked minutes must be positive, not " + minutes);
		}
		int steps = nearest ? (minutes + step / 2) / step : (minutes + step - 1) / step;
		return Math.max(steps, 1) * step;
	}

}
