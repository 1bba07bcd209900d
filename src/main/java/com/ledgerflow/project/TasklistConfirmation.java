package com.ledgerflow.project;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A project confirmed from the Tasklist start form: client and manager by name and login rather than by id.
 * @param managerUserId the manager's login (Camunda user id)
 */
public record TasklistConfirmation(String clientName, String projectName, String projectCode,
		BillingModel billingModel, BillingCycle billingCycle, @Nullable BigDecimal budgetHours,
		@Nullable BigDecimal budgetAmount, String managerUserId) {
}
