package com.ledgerflow.reporting;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Report settings ({@code ledgerflow.reporting.*}).
 * @param weeklyCapacityHours hours a person is available per ISO week (utilization's denominator)
 * @param stuckReviewDays a draft invoice older than this many days counts as stuck in review (leakage)
 */
@Validated
@ConfigurationProperties("ledgerflow.reporting")
public record ReportingProperties(@DefaultValue("40") @Min(1) int weeklyCapacityHours,
		@DefaultValue("7") @Min(0) int stuckReviewDays) {

}
