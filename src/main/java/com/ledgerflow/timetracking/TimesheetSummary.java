package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A week at a glance, as approvers see it: per project the hours (billable share) and the project's budget burn
 * including this week. Hours are exact to the minute, shown with two places.
 */
public record TimesheetSummary(UUID personId, String personName, String isoWeek, TimesheetStatus status,
		@Nullable String rejectionComment, List<ProjectHours> projects, int totalMinutes, int billableMinutes) {

	/**
	 * @param budgetHours null when the project has no hour budget
	 * @param bookedHours all submitted, approved and invoiced hours on the project, this week's included
	 */
	public record ProjectHours(UUID projectId, String code, String name, String managerUserId, int minutes,
			int billableMinutes, @Nullable BigDecimal budgetHours, BigDecimal bookedHours) {

		public BigDecimal hours() {
			return toHours(minutes);
		}

		public boolean overBudget() {
			return budgetHours != null && bookedHours.compareTo(budgetHours) > 0;
		}

		/** "12.5 of 40 h budget (31 %)", or "no hour budget". */
		public String budgetStatus() {
			if (budgetHours == null || budgetHours.signum() == 0) {
				return "no hour budget";
			}
			BigDecimal percent = bookedHours.multiply(BigDecimal.valueOf(100))
				.divide(budgetHours, 0, RoundingMode.HALF_UP);
			return bookedHours.stripTrailingZeros().toPlainString() + " of "
					+ budgetHours.stripTrailingZeros().toPlainString() + " h budget (" + percent + " %)"
					+ (overBudget() ? " — over budget" : "");
		}

	}

	public BigDecimal totalHours() {
		return toHours(totalMinutes);
	}

	/** Billable minutes / all minutes, two places (0 for an empty week). */
	public BigDecimal billableShare() {
		return totalMinutes == 0 ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(billableMinutes).divide(BigDecimal.valueOf(totalMinutes), 2, RoundingMode.HALF_UP);
	}

	public boolean anyOverBudget() {
		return projects.stream().anyMatch(ProjectHours::overBudget);
	}

	/** The managers who approve this week: one per project manager, in project order, each once. */
	public List<String> approverUserIds() {
		return projects.stream().map(ProjectHours::managerUserId).distinct().toList();
	}

	/** Plain text for the approval form: one line per project, then the total. */
	public String asText() {
		StringBuilder text = new StringBuilder();
		for (ProjectHours project : projects) {
			text.append(project.code())
				.append(" ")
				.append(project.name())
				.append(": ")
				.append(project.hours().toPlainString())
				.append(" h (")
				.append(toHours(project.billableMinutes()).toPlainString())
				.append(" billable) — ")
				.append(project.budgetStatus())
				.append('\n');
		}
		return text.append("Total: ")
			.append(totalHours().toPlainString())
			.append(" h, ")
			.append(billableShare().movePointRight(2).setScale(0, RoundingMode.HALF_UP))
			.append(" % billable")
			.toString();
	}

	/** Minutes as hours, two places, half up. */
	public static BigDecimal toHours(long minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

}
